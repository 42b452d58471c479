using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using ModelContextProtocol.Protocol;
using Registry.Contracts.V0;

namespace Registry.Mcp.Tools;

/// <summary>Tool results as JSON text: catalog messages in the same JSON the REST API writes, failures as tool errors.</summary>
internal static class ToolAnswers
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static readonly string[] FacetNames = ["registryType", "transport", "hasRemote", "status"];

    public static JsonNode ToJsonNode(IMessage message) => RestJson.Of(message);

    /// <summary>
    /// A ranked search page as the REST route writes it: <c>servers</c> (entries of the official list's shape plus
    /// <c>score</c>), <c>metadata</c> (<c>count</c>, <c>total</c>, <c>nextCursor</c> when there is a next page) and
    /// <c>facets</c>. The protobuf JSON leaves out empty lists and maps; they are written here, so an empty page
    /// still has every field an agent looks for.
    /// </summary>
    public static JsonObject SearchPage(SearchServersResponse page)
    {
        var json = ToJsonNode(page).AsObject();
        json["servers"] ??= new JsonArray();
        var metadata = json["metadata"] as JsonObject ?? [];
        metadata["count"] ??= page.Servers.Count;
        metadata["total"] ??= 0;
        json["metadata"] = metadata;
        var facets = json["facets"] as JsonObject ?? [];
        foreach (var facet in FacetNames)
        {
            facets[facet] ??= new JsonObject();
        }

        json["facets"] = facets;
        return json;
    }

    public static CallToolResult Json(JsonNode json) => new()
    {
        Content = [new TextContentBlock { Text = json.ToJsonString(Indented) }],
    };

    public static CallToolResult Error(string message) => new()
    {
        IsError = true,
        Content = [new TextContentBlock { Text = message }],
    };

    public static CallToolResult NotFound(string name, string? version) => Error(version is null
        ? $"No server named '{name}' is in the registry. Use search_servers to find the exact name."
        : $"Server '{name}' has no version '{version}'. Use list_server_versions to see its versions.");

    /// <summary>
    /// What the catalog refused, worded for the caller: its message, then each field violation it attached (the
    /// <c>errors</c> a REST caller reads in the problem body), named by the tool's argument rather than the route's
    /// query parameter, e.g. <c>validation failed: registryType: expected value to be one of "npm, ..."</c>.
    /// </summary>
    public static string Refusal(RpcException exception)
    {
        var violations = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        return violations is null || violations.Count == 0
            ? exception.Status.Detail
            : $"{exception.Status.Detail}: {string.Join("; ", violations.Select(v => $"{ArgumentName(v.Field)}: {v.Description}"))}";
    }

    /// <summary>The route's <c>query.q</c> is the tool's <c>query</c>; <c>query.limit</c> is <c>limit</c>.</summary>
    private static string ArgumentName(string field)
    {
        var name = field.StartsWith("query.", StringComparison.Ordinal) ? field["query.".Length..] : field;
        return name == "q" ? "query" : name;
    }
}
