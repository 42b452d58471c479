using Npgsql;
using Registry.Domain.Search;

namespace Registry.Data.Tests.Search;

/// <summary>The index's typo tolerance counts trigrams as pg_trgm does; PostgreSQL itself is the judge.</summary>
[Collection(PostgresCollection.Name)]
public class TrigramParityTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async Task InitializeAsync() => dataSource = await postgres.CreateMigratedDatabaseAsync();

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Theory]
    [InlineData("postgress", "postgres")]
    [InlineData("kubernets", "kubernetes")]
    [InlineData("slak", "slack")]
    [InlineData("github", "gitlab")]
    [InlineData("aaa", "aaaa")]
    [InlineData("mcp", "mcp")]
    [InlineData("x1y2z3", "x1y2")]
    [InlineData("weather", "feather")]
    [InlineData("abc", "xyz")]
    public async Task SimilarityMatchesPostgres(string one, string other)
    {
        await using var command = dataSource.CreateCommand("SELECT similarity(@one, @other)");
        command.Parameters.AddWithValue("one", one);
        command.Parameters.AddWithValue("other", other);
        var expected = (float)(await command.ExecuteScalarAsync())!;

        var a = Trigrams.Of(one);
        var b = Trigrams.Of(other);
        var actual = Trigrams.Similarity(a.Intersect(b).Count(), a.Count, b.Count);

        Assert.Equal(expected, actual, precision: 5);
    }
}
