using Npgsql;
using Registry.Data.Search;
using Xunit.Abstractions;

namespace Registry.Data.Tests.Search;

/// <summary>The judged queries of bench/search against the real SQL: how often a person finds what they expected.</summary>
[Collection(PostgresCollection.Name)]
public class SearchRelevanceTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        await SearchCatalog.LoadAsync(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task JudgedQueriesFindWhatAPersonExpectsInTheTopFive()
    {
        var store = new ServerSearchStore(dataSource);
        var queries = SearchCatalog.JudgedQueries();
        double recallSum = 0, reciprocalRankSum = 0;
        foreach (var judged in queries)
        {
            var names = (await store.SearchAsync(judged.Q, limit: 10)).Hits.Select(h => h.Record.Name).ToList();
            var expected = judged.Expected.Take(5).ToList();
            var recall = (double)names.Take(5).Count(expected.Contains) / expected.Count;
            var firstHit = names.FindIndex(expected.Contains);
            recallSum += recall;
            reciprocalRankSum += firstHit < 0 ? 0 : 1.0 / (firstHit + 1);
            if (recall < 1 || firstHit != 0)
            {
                output.WriteLine($"{judged.Q}: recall@5 {recall:0.00}, first expected at {firstHit + 1}; got {string.Join(", ", names.Take(5))}");
            }
        }

        var recallAt5 = recallSum / queries.Count;
        var mrr = reciprocalRankSum / queries.Count;
        output.WriteLine($"{queries.Count} queries: recall@5 {recallAt5:0.000}, MRR {mrr:0.000}");
        Assert.True(queries.Count >= 40);
        Assert.True(recallAt5 >= 0.9, $"recall@5 {recallAt5:0.000}");
        Assert.True(mrr >= 0.8, $"MRR {mrr:0.000}");
    }
}
