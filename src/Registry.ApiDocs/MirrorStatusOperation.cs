using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Registry.ApiDocs;

internal static class MirrorStatusOperation
{
    /// <summary>
    /// The mirror's status is served by the mirror worker, not by a gRPC service, so it has no binding to read; it is
    /// described here by hand, with the fields the worker writes (src/Registry.Mirror/Status/MirrorStatus.cs).
    /// </summary>
    public static void AddTo(OpenApiDocument document, SortedSet<string> tags)
    {
        const string tag = "extensions";
        tags.Add(tag);
        var text = new OpenApiSchema { Type = JsonSchemaType.String };
        var time = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" };
        var status = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["upstream"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                ["enabled"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
                ["lastSuccessfulSyncAt"] = time,
                ["position"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema> { ["highWaterMark"] = time, ["passUpdatedSince"] = time, ["passCursor"] = text },
                },
                ["lastError"] = text,
                ["lastErrorAt"] = time,
                ["mirroredVersions"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
            },
        };
        foreach (var prefix in new[] { "/v0", "/v0.1" })
        {
            document.Paths[$"{prefix}/x/dev.mcpregistry/mirror"] = new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Get] = new()
                    {
                        OperationId = "GetMirrorStatus" + (prefix == "/v0" ? "V0" : ""),
                        Summary = "EXTENSION: the mirror's position and last error",
                        Description = "Served only when the registry mirrors an upstream registry (Registry:Mirror:Upstream); 404 otherwise.",
                        Tags = new HashSet<OpenApiTagReference> { new(tag, document) },
                        Responses = new OpenApiResponses
                        {
                            ["200"] = new OpenApiResponse
                            {
                                Description = "Success",
                                Content = new Dictionary<string, IOpenApiMediaType> { ["application/json"] = new OpenApiMediaType { Schema = status, Example = JsonNode.Parse("""{"upstream":"https://upstream.example","enabled":true}""") } },
                            },
                            ["404"] = new OpenApiResponse { Description = "No mirror runs" },
                        },
                    },
                },
            };
        }
    }
}
