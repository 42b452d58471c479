using Npgsql;
using Registry.Data.Search;

namespace Registry.Data.Tests.Search;

[Collection(PostgresCollection.Name)]
public class ServerSearchStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private ServerSearchStore store = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        store = new ServerSearchStore(dataSource);
        await SearchCatalog.LoadAsync(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task PagesFollowScoreThenNameWithoutGapsOrRepeats()
    {
        var all = (await store.SearchAsync("google", limit: 100)).Hits.Select(h => h.Record.Name).ToList();
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await store.SearchAsync("google", limit: 2, cursor: cursor);
            paged.AddRange(page.Hits.Select(h => h.Record.Name));
            cursor = page.Hits.Count == 2 ? Domain.Search.SearchQueryRules.Build("google", null, null, null, null, null, 2, null)
                .NextCursor(page.Hits[^1].Score, page.Hits[^1].Record.Name) : null;
        }
        while (cursor is not null);

        Assert.True(all.Count >= 5);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task FiltersNarrowTheMatchesAndEachFacetIgnoresItsOwnFilter()
    {
        var page = await store.SearchAsync("postgres", registryType: "pypi");
        Assert.Equal(["io.github.crystaldba/postgres-mcp"], page.Hits.Select(h => h.Record.Name));
        Assert.True(page.Facets.RegistryType["npm"] >= 2);
        Assert.Equal(1, page.Facets.RegistryType["pypi"]);
        Assert.Equal(1, page.Facets.Total);
        Assert.Equal(1, page.Facets.Status["active"]);

        var remote = await store.SearchAsync("slack", hasRemote: true, transport: "sse");
        Assert.Equal(["io.github.korotovsky/slack-mcp-server"], remote.Hits.Select(h => h.Record.Name));

        var deleted = await store.SearchAsync("postgres", status: "deleted");
        Assert.Equal(["io.github.legacy/old-postgres-tool"], deleted.Hits.Select(h => h.Record.Name));

        var scoped = await store.SearchAsync("postgres", nameSpace: "io.github.modelcontextprotocol");
        Assert.Equal(["io.github.modelcontextprotocol/postgres"], scoped.Hits.Select(h => h.Record.Name));
    }

    [Fact]
    public async Task AnExactNameRanksFirstAndAnExactNamePartAboveAPrefix()
    {
        var exact = await store.SearchAsync("com.slack/slack");
        Assert.Equal("com.slack/slack", exact.Hits[0].Record.Name);

        await SearchCatalog.PublishAsync(dataSource, "io.github.x/postgresql-tools", "1.0.0",
            SearchCatalog.Document("io.github.x/postgresql-tools", "tools"));
        var names = (await store.SearchAsync("postgres")).Hits.Select(h => h.Record.Name).ToList();
        Assert.True(names.IndexOf("io.github.crystaldba/postgres-mcp") < names.IndexOf("io.github.x/postgresql-tools"));
    }

    [Fact]
    public async Task OnlyTheLatestVersionOfANameIsSearchedAndStatusChangesAreSeen()
    {
        const string name = "io.github.acme/widgets";
        await SearchCatalog.PublishAsync(dataSource, name, "1.0.0", SearchCatalog.Document(name, "old zebra tooling"));
        Assert.Single((await store.SearchAsync("zebra")).Hits);

        await SearchCatalog.PublishAsync(dataSource, name, "2.0.0",
            SearchCatalog.Document(name, "new giraffe tooling", remoteUrl: "https://mcp.acme.example/mcp"));
        Assert.Empty((await store.SearchAsync("zebra")).Hits);
        var hit = Assert.Single((await store.SearchAsync("giraffe")).Hits);
        Assert.Equal("2.0.0", hit.Record.Version);
        Assert.Single((await store.SearchAsync("acme", hasRemote: true)).Hits);

        await SearchCatalog.SetStatusAsync(dataSource, name, "2.0.0", "deprecated");

        Assert.Empty((await store.SearchAsync("giraffe")).Hits);
        Assert.Single((await store.SearchAsync("giraffe", status: "deprecated")).Hits);
    }

    [Fact]
    public async Task ADatabaseWhoseChangeLogIsBehindTheIndexIsLoadedAgain()
    {
        Assert.NotEmpty((await store.SearchAsync("postgres")).Hits);
        await using (var reset = dataSource.CreateCommand("TRUNCATE servers, server_names, server_changes"))
        {
            await reset.ExecuteNonQueryAsync();
        }

        await SearchCatalog.PublishAsync(dataSource, "io.github.fresh/zebra", "1.0.0", SearchCatalog.Document("io.github.fresh/zebra", "stripes"));

        Assert.Empty((await store.SearchAsync("postgres")).Hits);
        Assert.Equal(["io.github.fresh/zebra"], (await store.SearchAsync("zebra")).Hits.Select(h => h.Record.Name));
    }

    [Theory]
    [InlineData("'")]
    [InlineData("a & b | !c")]
    [InlineData("x:* <-> y")]
    [InlineData("émoji 🙂 ünïcode")]
    [InlineData("!!!")]
    public async Task AnyTextIsASearchNotASyntaxError(string q) => await store.SearchAsync(q);
}
