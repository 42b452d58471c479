using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Api;
using Registry.Domain.Errors;

namespace Registry.Publish.Documents;

/// <summary>The server.json a write carries, as a JSON object.</summary>
public static class RequestDocument
{
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static JsonObject Parse(HttpBody? body) =>
        TryParse(body, out var document, out var error) ? document : throw new RegistryException(400, error);

    public static bool TryParse(HttpBody? body, out JsonObject document, out string error)
    {
        document = null!;
        if (body is null || body.Data.IsEmpty)
        {
            error = "Request body is required";
            return false;
        }

        try
        {
            if (JsonNode.Parse(body.Data.Span, NodeOptions, DocumentOptions) is JsonObject parsed)
            {
                document = parsed;
                error = "";
                return true;
            }

            error = "Request body must be a JSON object";
        }
        catch (JsonException ex)
        {
            error = "Request body is not valid JSON: " + ex.Message;
        }

        return false;
    }

    public static string? StringField(JsonObject document, string field) =>
        document[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
