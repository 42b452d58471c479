using Grpc.Core;
using Registry.Contracts.V0;

namespace Registry.Mcp.Catalog;

/// <summary>
/// The catalog's reads as the tools need them. Searching is the catalog's ranked search, the same call the REST route
/// <c>/v0.1/x/dev.mcpregistry/search</c> makes; its filters, status included, are applied by the catalog, so the tool
/// shows deleted entries only when <c>status</c> deleted is asked for. A name or version the catalog does not know is
/// <c>null</c>, not an exception; a request it refuses is an <see cref="RpcException"/> (InvalidArgument).
/// </summary>
internal sealed class CatalogReader(Contracts.V0.Catalog.CatalogClient catalog)
{
    public async Task<SearchServersResponse> SearchAsync(ServerSearch search, CancellationToken cancellationToken) =>
        await catalog.SearchServersAsync(search.ToRequest(), cancellationToken: cancellationToken);

    public async Task<ServerResponse?> GetAsync(string name, string version, bool includeDeleted, CancellationToken cancellationToken)
    {
        var request = new GetServerVersionRequest { ServerName = name, Version = version };
        if (includeDeleted) request.IncludeDeleted = true;
        return await OrNullAsync(async () => await catalog.GetServerVersionAsync(request, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ServerResponse>?> VersionsAsync(string name, bool includeDeleted, CancellationToken cancellationToken)
    {
        var request = new ListServerVersionsRequest { ServerName = name };
        if (includeDeleted) request.IncludeDeleted = true;
        var list = await OrNullAsync(async () => await catalog.ListServerVersionsAsync(request, cancellationToken: cancellationToken));
        return list?.Servers;
    }

    private static async Task<T?> OrNullAsync<T>(Func<Task<T>> call) where T : class
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
