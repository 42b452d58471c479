using Registry.Contracts.V0;

namespace Registry.Mcp.Catalog;

/// <summary>
/// What <c>search_servers</c> asks the catalog's ranked search (<c>Catalog/SearchServers</c>, the REST route
/// <c>/v0.1/x/dev.mcpregistry/search</c>) for. Values are passed on as given: the catalog validates them, with the same
/// rules and errors as for REST callers, so the tool cannot drift from the route.
/// </summary>
internal sealed record ServerSearch(
    string Query,
    string? RegistryType,
    string? Transport,
    bool? HasRemote,
    string? Status,
    string? Namespace,
    int? Limit,
    string? Cursor)
{
    /// <summary>The catalog's default page size, stated in the tool's schema so that an agent sees it.</summary>
    public const int DefaultLimit = 20;

    /// <summary>The catalog's default status: deleted entries only when asked for, as on the REST route.</summary>
    public const string DefaultStatus = "active";

    public SearchServersRequest ToRequest()
    {
        var request = new SearchServersRequest { Q = Query };
        if (RegistryType is not null) request.RegistryType = RegistryType;
        if (Transport is not null) request.Transport = Transport;
        if (HasRemote is { } hasRemote) request.HasRemote = hasRemote;
        if (Status is not null) request.Status = Status;
        if (Namespace is not null) request.Namespace = Namespace;
        if (Limit is { } limit) request.Limit = limit;
        if (Cursor is not null) request.Cursor = Cursor;
        return request;
    }
}
