using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using ModelContextProtocol.Protocol;

namespace Registry.Mcp.Tools;

/// <summary>Tool results as JSON text: catalog messages in the same JSON the REST API writes, failures as tool errors.</summary>
internal static class ToolAnswers
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonNode ToJsonNode(IMessage message) => JsonNode.Parse(JsonFormatter.Default.Format(message))!;

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
}
