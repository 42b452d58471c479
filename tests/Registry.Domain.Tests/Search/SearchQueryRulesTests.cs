using Registry.Domain.Errors;
using Registry.Domain.Search;

namespace Registry.Domain.Tests.Search;

public class SearchQueryRulesTests
{
    private static SearchQuery Build(string? q = "postgres", string? registryType = null, string? transport = null,
        string? status = null, int? limit = null, string? cursor = null) =>
        SearchQueryRules.Build(q, registryType, transport, null, status, null, limit, cursor);

    [Theory]
    [InlineData("io.github.acme/postgres-mcp", new[] { "io", "github", "acme", "postgres" })]
    [InlineData("Postgres  DATABASE", new[] { "postgres", "database" })]
    [InlineData("slack_bot slack", new[] { "slack", "bot" })]
    [InlineData("mcp server", new[] { "mcp", "server" })]
    [InlineData("the postgres server", new[] { "postgres" })]
    [InlineData("!!!", new string[0])]
    public void WordsAreLowerCaseRunsOfLettersAndDigitsWithoutTheCommonOnes(string q, string[] words) =>
        Assert.Equal(words, SearchWords.Split(q));

    [Fact]
    public void DefaultsAreActiveAndTwenty()
    {
        var query = Build();
        Assert.Equal("active", query.Status);
        Assert.Equal(SearchQueryRules.DefaultLimit, query.Limit);
        Assert.Null(query.After);
    }

    [Theory]
    [InlineData("x", "maven", null, null, 20, "query.registryType")]
    [InlineData("x", null, "websocket", null, 20, "query.transport")]
    [InlineData("x", null, null, "gone", 20, "query.status")]
    [InlineData("x", null, null, null, 0, "query.limit")]
    [InlineData("x", null, null, null, 101, "query.limit")]
    public void OutOfRangeParametersAre422(string? q, string? registryType, string? transport, string? status, int limit, string location)
    {
        var error = Assert.Throws<RegistryException>(() => Build(q, registryType, transport, status, limit));
        Assert.Equal(422, error.Status);
        Assert.Contains(error.Errors, e => e.Location == location);
    }

    [Fact]
    public void AQueryOverTwoHundredCharactersIs422()
    {
        var error = Assert.Throws<RegistryException>(() => Build(new string('x', SearchQueryRules.MaxQueryLength + 1)));
        Assert.Contains(error.Errors, e => e.Location == "query.q");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void WithoutWordsTheSearchBrowses(string? q)
    {
        var query = Build(q);
        Assert.True(query.Browses);
        Assert.Empty(query.Words);
    }

    [Fact]
    public void OnlyPunctuationIsNotABrowse() => Assert.False(Build("!!!").Browses);

    [Fact]
    public void FilterValuesAreCaseInsensitive() => Assert.Equal("npm", Build(registryType: "NPM").RegistryType);

    [Fact]
    public void ACursorRoundTripsItsPosition()
    {
        var cursor = Build().NextCursor(28.5m, "io.github.acme/postgres-mcp");
        Assert.Equal(new SearchPosition(28.5m, "io.github.acme/postgres-mcp"), Build(cursor: cursor).After);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("czE")]
    [InlineData("////")]
    public void AMalformedCursorIs422(string cursor) =>
        Assert.Equal(422, Assert.Throws<RegistryException>(() => Build(cursor: cursor)).Status);

    [Fact]
    public void ACursorOfAnotherSearchIs422()
    {
        var cursor = Build(q: "postgres").NextCursor(1m, "a/b");
        Assert.Equal(422, Assert.Throws<RegistryException>(() => Build(q: "slack", cursor: cursor)).Status);
    }
}
