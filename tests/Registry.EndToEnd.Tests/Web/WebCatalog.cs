using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>What the pages should show, read from the REST API the same moment: the ranked-search extension, whose browse and filters the catalog page uses.</summary>
internal sealed class WebCatalog(HttpClient gateway)
{
    private const string Search = "/v0.1/x/dev.mcpregistry/search";

    /// <summary>Every name the search answers for <paramref name="query"/> (a query string without <c>limit</c> or <c>cursor</c>), page after page.</summary>
    public async Task<List<string>> NamesAsync(string query = "")
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(query + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}") + "&limit=100");
            names.AddRange(page["servers"]!.AsArray().Select(s => s!["server"]!["name"]!.GetValue<string>()));
            cursor = page["metadata"]!["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        return names;
    }

    public async Task<JsonObject> PageAsync(string query) =>
        JsonNode.Parse(await gateway.GetStringAsync($"{Search}?{query.TrimStart('&')}"))!.AsObject();

    public async Task<JsonNode> VersionAsync(string name, string version = "latest") =>
        JsonNode.Parse(await gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/{Uri.EscapeDataString(version)}"))!;

    public async Task<JsonArray> VersionsAsync(string name) =>
        JsonNode.Parse(await gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions?include_deleted=true"))!["servers"]!.AsArray();
}
