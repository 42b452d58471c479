using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Contracts.V0;

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

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // The text is HTML-escaped where it is shown; escaping < > + and non-ASCII in the JSON too would only hurt reading.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<SearchServersResponse> SearchAsync(CatalogQuery query, CancellationToken cancellationToken) =>
        await catalog.SearchServersAsync(query.ToRequest(), cancellationToken: cancellationToken);

    public async Task<ServerDetails?> ServerAsync(string name, string version, CancellationToken cancellationToken)
    {
        var versions = await CatalogCalls.OrNullAsync(async () => await catalog.ListServerVersionsAsync(
            new ListServerVersionsRequest { ServerName = name, IncludeDeleted = true }, cancellationToken: cancellationToken));
        var ordered = versions?.Servers.OrderByDescending(v => v.Meta?.Official?.PublishedAt?.ToDateTimeOffset()).ToList();
        var chosen = version == Latest
            ? ordered?.FirstOrDefault(v => v.Meta?.Official?.IsLatest == true) ?? ordered?.FirstOrDefault()
            : ordered?.FirstOrDefault(v => v.Server.Version == version);
        if (ordered is null || chosen is null)
        {
            return null;
        }

        var body = await CatalogCalls.OrNullAsync(async () => await catalog.GetServerVersionJsonAsync(
            new GetServerVersionRequest { ServerName = name, Version = chosen.Server.Version, IncludeDeleted = true },
            cancellationToken: cancellationToken));
        var document = body is null ? null : JsonNode.Parse(body.Data.Span)?["server"]?.ToJsonString(Indented);
        return new ServerDetails(chosen, ordered, document ?? "");
    }

    public async Task<ChangeList> RecentChangesAsync(int limit, CancellationToken cancellationToken) =>
        await catalog.ListChangesAsync(new ListChangesRequest { NewestFirst = true, Limit = limit }, cancellationToken: cancellationToken);
}
