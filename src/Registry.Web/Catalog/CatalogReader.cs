using System.Text.Json.Nodes;
using Registry.Contracts.V0;
using Registry.Web.Presentation;

namespace Registry.Web.Catalog;

/// <summary>
/// The catalog's reads as the pages need them. A server page lists every version, deleted ones included (each is
/// marked), so that a link to any version the registry ever served still answers. A name or version the catalog
/// does not know is <c>null</c>; any other failure is the <see cref="Grpc.Core.RpcException"/> the page turns into
/// a problem (<see cref="CatalogProblem"/>).
/// </summary>
public sealed class CatalogReader(Contracts.V0.Catalog.CatalogClient catalog)
{
    public const string Latest = "latest";

    public async Task<SearchServersResponse> SearchAsync(CatalogQuery query, CancellationToken cancellationToken) =>
        await catalog.SearchServersAsync(query.ToRequest(), cancellationToken: cancellationToken);

    /// <summary>The version (or the latest) with every version of its name: the two reads run side by side.</summary>
    public async Task<ServerDetails?> ServerAsync(string name, string version, CancellationToken cancellationToken)
    {
        var listing = CatalogCalls.OrNullAsync(async () => await catalog.ListServerVersionsAsync(
            new ListServerVersionsRequest { ServerName = name, IncludeDeleted = true }, cancellationToken: cancellationToken));
        var stored = CatalogCalls.OrNullAsync(async () => await catalog.GetServerVersionJsonAsync(
            new GetServerVersionRequest { ServerName = name, Version = version, IncludeDeleted = true }, cancellationToken: cancellationToken));
        var (versions, body) = (await listing, await stored);
        if (versions is null || body is null)
        {
            return null;
        }

        var document = JsonNode.Parse(body.Data.Span)?["server"];
        var chosen = versions.Servers.FirstOrDefault(v => v.Server.Version == document?["version"]?.GetValue<string>());
        if (document is null || chosen is null)
        {
            return null;
        }

        var ordered = versions.Servers.OrderByDescending(v => v.Meta?.Official?.PublishedAt?.ToDateTimeOffset()).ToList();
        return new ServerDetails(chosen, ordered, document.ToJsonString(DisplayJson.Options));
    }

    public async Task<ChangeList> RecentChangesAsync(int limit, CancellationToken cancellationToken) =>
        await catalog.ListChangesAsync(new ListChangesRequest { NewestFirst = true, Limit = limit }, cancellationToken: cancellationToken);
}
