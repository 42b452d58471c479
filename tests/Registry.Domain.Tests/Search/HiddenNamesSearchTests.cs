using Registry.Domain.Search;

namespace Registry.Domain.Tests.Search;

public class HiddenNamesSearchTests
{
    private static readonly SearchIndex Index = Loaded();

    private static SearchIndex Loaded()
    {
        var index = new SearchIndex();
        index.Load(
        [
            Parse("com.acme.internal/billing", "npm"),
            Parse("com.acme.internal/payroll", "pypi"),
            Parse("com.acme.internals/billing-lookalike", "npm"),
            Parse("io.github.alice/billing", "npm"),
        ], 1);
        return index;
    }

    private static SearchDocument Parse(string name, string registryType) => SearchDocumentParser.Parse(name, "1.0.0", "active",
        $$$"""{"name":"{{{name}}}","description":"billing helper","packages":[{"registryType":"{{{registryType}}}","identifier":"x","transport":{"type":"stdio"}}]}""");

    private static SearchQuery Query(string q, params string[] hidden) =>
        SearchQueryRules.Build(q, null, null, null, null, null, null, null) with { HiddenPrefixes = hidden };

    [Fact]
    public void AHiddenPrefixLeavesItsNamesOutOfHitsTotalsAndFacets()
    {
        var page = Index.Search(Query("billing", "com.acme.internal/"));

        Assert.Equal(["com.acme.internals/billing-lookalike", "io.github.alice/billing"], page.Hits.Select(h => h.Name).Order());
        Assert.Equal(2, page.Facets.Total);
        Assert.Equal(2, page.Facets.RegistryType["npm"]);
        Assert.False(page.Facets.RegistryType.ContainsKey("pypi"));
    }

    [Fact]
    public void BrowsingHidesTheSameNamesAndNothingHiddenShowsEverything()
    {
        Assert.Equal(2, Index.Search(Query("", "com.acme.internal/")).Facets.Total);
        Assert.Equal(4, Index.Search(Query("")).Facets.Total);
    }

    [Fact]
    public void HiddenPrefixesAreCaseSensitiveAsNamesAre()
    {
        Assert.Equal(4, Index.Search(Query("billing", "COM.ACME.INTERNAL/")).Facets.Total);
    }
}
