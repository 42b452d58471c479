using Grpc.Core;
using Registry.Contracts.V0;

namespace Registry.Mcp.Catalog;

/// <summary>
/// The catalog's reads as the tools need them. Searching goes through <see cref="SearchAsync"/> only, so moving it to a
/// ranked search RPC is a change here. A name or version the catalog does not know is <c>null</c>, not an exception.
/// </summary>
internal sealed class CatalogReader(Contracts.V0.Catalog.CatalogClient catalog)
{
    /// <summary>Pages read at most while filtering client-side, so a filter nothing matches stays cheap.</summary>
    private const int MaxPages = 10;

    public async Task<IReadOnlyList<ServerResponse>> SearchAsync(ServerQuery query, CancellationToken cancellationToken)
    {
        var found = new List<ServerResponse>();
        string? cursor = null;
        for (var page = 0; page < MaxPages && found.Count < query.Limit; page++)
        {
            var request = new ListServersRequest
            {
                Version = "latest",
                Limit = query.NeedsClientFilter ? ServerQuery.MaxLimit : query.Limit,
            };
            if (!string.IsNullOrWhiteSpace(query.Query)) request.Search = query.Query.Trim();
            if (query.IncludeDeleted) request.IncludeDeleted = true;
            if (cursor is not null) request.Cursor = cursor;

            var list = await catalog.ListServersAsync(request, cancellationToken: cancellationToken);
            found.AddRange(list.Servers.Where(s => query.Matches(s.Server)));
            cursor = list.Metadata?.HasNextCursor == true ? list.Metadata.NextCursor : null;
            if (cursor is null) break;
        }

        return found.Take(query.Limit).ToList();
    }

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
