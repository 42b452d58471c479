namespace Registry.Bench.Load;

public static class Scenarios
{
    public const string Floor = "floor";
    public const string CachedList = "cached list";
    public const string UncachedList = "uncached list";
    public const string GetVersion = "get one version";
    public const string Search = "search";

    /// <summary>The same searches with a few clients: the query's own latency rather than a queue behind 64.</summary>
    public const string SearchFewClients = "search, 4 conns";

    public const string RankedSearch = "ranked search";

    /// <summary>The same ranked queries with a few clients, as <see cref="SearchFewClients"/> is to <see cref="Search"/>.</summary>
    public const string RankedSearchFewClients = "ranked search, 4 conns";

    /// <summary>The web catalog's <c>/</c>: browsing, a word of the catalog, a filter.</summary>
    public const string CatalogPage = "catalog page";
    public const string CatalogPageFewClients = "catalog page, 4 conns";

    /// <summary>The web catalog's <c>/servers/{namespace}/{name}</c> for many names.</summary>
    public const string ServerPage = "server page";
    public const string ServerPageFewClients = "server page, 4 conns";

    /// <summary>The same pages through the gateway with the response cache, which holds pages as it holds API reads.</summary>
    public const string CachedCatalogPage = "catalog page, cached";
    public const string CachedServerPage = "server page, cached";

    public const int FewClients = 4;
    public const string Publish = "publish";

    public const string CachedListPath = "/v0.1/servers?limit=100";
}
