using System.Text.Json.Nodes;
using Google.Api;
using Registry.Domain.Requests;

namespace Registry.Publish.Documents;

/// <summary>The server.json a write carries: JSON in UTF-8 (415 otherwise) that is one object (400 otherwise).</summary>
public static class RequestDocument
{
    public static JsonObject Parse(HttpBody? body)
    {
        JsonMediaType.Require(body?.ContentType);
        return JsonRequestBody.ParseObject(body is null ? [] : body.Data.Span);
    }

    /// <summary>For the dry run: the document, or why it is not one. An unsupported media type is still a 415.</summary>
    public static bool TryParse(HttpBody? body, out JsonObject document, out string error)
    {
        JsonMediaType.Require(body?.ContentType);
        return JsonRequestBody.TryParseObject(body is null ? [] : body.Data.Span, out document, out error);
    }

    public static string? StringField(JsonObject document, string field) =>
        document[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
