using Registry.Web.Catalog;

namespace Registry.Web.Tests;

public class CatalogQueryTests
{
    private static CatalogQuery Query(string? q = null, string? type = null, string? remote = null, string? limit = null) =>
        new(q, type, null, remote, null, null, null, limit);

    [Fact]
    public void TheRequestCarriesTheFiltersAsGivenAndTheDefaultPageSize()
    {
        var request = Query("postgres", "npm", "no").ToRequest();

        Assert.Equal(("postgres", "npm", false, CatalogQuery.DefaultLimit), (request.Q, request.RegistryType, request.HasRemote, request.Limit));
        Assert.False(request.HasTransport);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("1e3")]
    public void AMalformedLimitBecomesOneTheCatalogRefuses(string limit) => Assert.Equal(0, Query(limit: limit).ToRequest().Limit);

    [Fact]
    public void LinksLeaveOutEmptyValuesAndTheCurrentCursor()
    {
        var query = Query("weather", type: "") with { Cursor = "abc" };

        Assert.Equal("/?q=weather&cursor=next", query.Link("next"));
        Assert.Equal("/?q=weather", query.Link());
    }

    [Theory]
    [InlineData("maybe", true)]
    [InlineData("yes", false)]
    [InlineData("", false)]
    public void OnlyYesOrNoIsARemoteFilter(string remote, bool unknown) => Assert.Equal(unknown, Query(remote: remote).HasUnknownRemote);
}
