using Registry.Domain.Listing;
using Registry.Domain.Search;

namespace Registry.Domain.Tests.Annotations;

public class AnnotationListFilterTests
{
    private const string Approved = "com.acme.registry/review:verdict=approved";

    [Fact]
    public void AFilteredListsCursorCarriesItsAnnotationFiltersToTheNextPage()
    {
        var first = ServerListQueryRules.Build(null, 5, null, null, null, null, [Approved, "com.acme.registry/scan"]);
        var cursor = first.NextCursor("com.example/a", "1.0.0");

        var next = ServerListQueryRules.Build(cursor, 5, null, null, null, null);

        Assert.StartsWith("f1.", cursor);
        Assert.Equal(["com.acme.registry/review:verdict=approved", "com.acme.registry/scan"], next.Annotations!.Select(f => f.ToString()));
        Assert.Equal(new ServerCursor("com.example/a", "1.0.0"), next.After! with { Filter = null });
    }

    [Fact]
    public void FiltersTheRequestSendsReplaceThoseOfTheCursor()
    {
        var cursor = ServerListQueryRules.Build(null, 5, null, null, null, null, [Approved]).NextCursor("com.example/a", "1.0.0");

        var next = ServerListQueryRules.Build(cursor, 5, null, null, null, null, ["com.acme.registry/scan"]);

        Assert.Equal(["com.acme.registry/scan"], next.Annotations!.Select(f => f.ToString()));
    }

    [Fact]
    public void AnUnfilteredListStillHandsOutThePlainCursor()
    {
        var query = ServerListQueryRules.Build(null, 5, null, null, null, null, []);

        Assert.Equal("com.example/a:1.0.0", query.NextCursor("com.example/a", "1.0.0"));
        Assert.Null(query.Annotations);
    }

    [Fact]
    public void ASearchCursorIsOnlyAcceptedWithTheSameAnnotationFilters()
    {
        var filtered = SearchQueryRules.Build("weather", null, null, null, null, null, 5, null, [Approved]);
        var plain = SearchQueryRules.Build("weather", null, null, null, null, null, 5, null);

        Assert.NotEqual(plain.Fingerprint, filtered.Fingerprint);
        Assert.Equal(plain.Fingerprint, SearchQueryRules.Build("weather", null, null, null, null, null, 5, null, []).Fingerprint);
    }
}
