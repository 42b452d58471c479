using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Registry.Data.Annotations;
using Registry.Data.Rendering;
using Registry.Data.Search;
using Registry.Data.Servers;
using Registry.Data.Writes;
using Registry.Domain.Listing;
using Registry.Domain.Search;

namespace Registry.Data.Tests.Annotations;

/// <summary>Annotations on the read paths: the list's filters and paging, ranked search, and the rendered <c>_meta</c>.</summary>
[Collection(PostgresCollection.Name)]
public class AnnotationReadTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Review = "com.acme.registry/review";
    private NpgsqlDataSource dataSource = null!;
    private AnnotationStore annotations = null!;
    private ServerReadStore reads = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        var writes = new ServerWriteStore(dataSource, TimeProvider.System);
        annotations = new AnnotationStore(dataSource, TimeProvider.System);
        reads = new ServerReadStore(dataSource);
        foreach (var name in new[] { "com.example/a", "com.example/b", "com.example/c", "com.example/d" })
        {
            foreach (var version in new[] { "1.0.0", "2.0.0" })
            {
                await writes.PublishAsync(new NewServerVersion(name, version, $$"""{"name":"{{name}}","version":"{{version}}","description":"weather"}""", []), CancellationToken.None);
            }
        }

        await SetAsync("com.example/a", null, """{"verdict":"approved"}""");
        await SetAsync("com.example/b", "2.0.0", """{"verdict":"approved","score":3}""");
        await SetAsync("com.example/c", null, """{"verdict":"approved"}""");
        await SetAsync("com.example/c", "2.0.0", """{"verdict":"rejected"}""");
        await SetAsync("com.example/d", null, """{"verdict":{"nested":"approved"}}""");
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private Task SetAsync(string name, string? version, string value, string key = Review) =>
        annotations.SetAsync(name, version, key, value, "admin", CancellationToken.None);

    private async Task<List<string>> ListAsync(string? search, int limit, params string[] filters)
    {
        var rows = new List<string>();
        string? cursor = null;
        do
        {
            var query = ServerListQueryRules.Build(cursor, limit, search, null, null, null, cursor is null ? filters : null);
            var page = await reads.ListAsync(query, CancellationToken.None);
            rows.AddRange(page.Select(r => $"{r.Name}@{r.Version}"));
            cursor = ServerResponseMapper.NextCursor(page, query);
        }
        while (cursor is not null);

        return rows;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("example")]
    public async Task TheListKeepsVersionsWhoseMergedAnnotationsMatchAcrossPagesWhoseCursorsCarryTheFilter(string? search)
    {
        Assert.Equal(
            ["com.example/a@1.0.0", "com.example/a@2.0.0", "com.example/b@2.0.0", "com.example/c@1.0.0"],
            await ListAsync(search, 1, $"{Review}:verdict=approved"));
        Assert.Equal(7, (await ListAsync(search, 2, Review)).Count);
        Assert.Equal(["com.example/b@2.0.0"], await ListAsync(search, 1, $"{Review}:verdict=approved", $"{Review}:score=3"));
        Assert.Empty(await ListAsync(search, 5, $"{Review}:verdict=nested"));
        Assert.Empty(await ListAsync(search, 5, "com.acme.registry/none"));
    }

    [Fact]
    public async Task TheRenderedMetaHoldsEachAnnotationBesideTheOfficialMetadata()
    {
        var record = await reads.GetVersionAsync("com.example/c", "1.0.0", false, CancellationToken.None);

        var rest = JsonNode.Parse(Encoding.UTF8.GetString(ServerResponseJson.One(record!)))!["_meta"]!.AsObject();
        var typed = ServerResponseMapper.ToResponse(record!).Meta;

        Assert.Equal(["io.modelcontextprotocol.registry/official", Review], rest.Select(p => p.Key));
        Assert.Equal("approved", (string?)rest[Review]!["verdict"]);
        Assert.Equal("approved", typed.Annotations[Review].Fields["verdict"].StringValue);
        Assert.Equal("active", typed.Official.Status);
    }

    [Fact]
    public async Task AnEntryWithoutAnnotationsRendersAsBefore()
    {
        await using var command = dataSource.CreateCommand("DELETE FROM server_annotations");
        await command.ExecuteNonQueryAsync();
        var record = await reads.GetVersionAsync("com.example/c", "1.0.0", false, CancellationToken.None);

        var rest = JsonNode.Parse(Encoding.UTF8.GetString(ServerResponseJson.One(record!)))!["_meta"]!.AsObject();

        Assert.Equal(["io.modelcontextprotocol.registry/official"], rest.Select(p => p.Key));
        Assert.Empty(ServerResponseMapper.ToResponse(record!).Meta.Annotations);
    }

    [Fact]
    public async Task RankedSearchShowsAnnotationsFiltersByThemAndSeesAnAnnotationWrittenAfterItLoaded()
    {
        var search = new ServerSearchStore(dataSource);
        SearchQuery Query(params string[] filters) => SearchQueryRules.Build("weather", null, null, null, null, null, 10, null, filters);

        var approved = await search.SearchAsync(Query($"{Review}:verdict=approved"), CancellationToken.None);
        Assert.Equal(["com.example/a", "com.example/b"], approved.Hits.Select(h => h.Record.Name).Order(StringComparer.Ordinal));
        Assert.All(approved.Hits, h => Assert.Contains("approved", h.Record.Annotations));

        await SetAsync("com.example/d", "2.0.0", """{"verdict":"approved"}""");

        var after = await search.SearchAsync(Query($"{Review}:verdict=approved"), CancellationToken.None);
        Assert.Equal(["com.example/a", "com.example/b", "com.example/d"], after.Hits.Select(h => h.Record.Name).Order(StringComparer.Ordinal));
    }
}
