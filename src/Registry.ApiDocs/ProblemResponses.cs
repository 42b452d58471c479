using Microsoft.OpenApi;

namespace Registry.ApiDocs;

/// <summary>
/// The error answers: application/problem+json as the official registry writes them. Every route may answer 400, 429
/// and 503; routes with a body 413 and 415; routes with a server name in the path 404; routes needing a token 401
/// and 403; and whatever the route's own <c>errors</c> option adds.
/// </summary>
internal static class ProblemResponses
{
    public const string MediaType = "application/problem+json";
    public const string SchemaName = "Problem";

    public static OpenApiSchema Schema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An error in the RFC 7807 shape the official registry answers with.",
        Required = new HashSet<string> { "title", "status", "detail" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The HTTP reason phrase", Examples = ["Bad Request"] },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Examples = [400] },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong" },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Causes, when known: one per violated rule, with where it applies",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["location"] = new OpenApiSchema { Type = JsonSchemaType.String, Examples = ["body.version"] },
                        ["value"] = new OpenApiSchema { Description = "The offending value" },
                    },
                },
            },
        },
    };

    public static SortedDictionary<int, string> For(bool hasBody, bool namesServer, bool needsToken, IEnumerable<(int Status, string Description)> declared)
    {
        var statuses = new SortedDictionary<int, string>
        {
            [400] = "Malformed request: a parameter of the wrong type, NUL or invalid UTF-8 in the path or query, or a body that is not valid JSON",
            [429] = "Too many requests from this client; Retry-After says when to try again",
            [503] = "The service behind the route is not ready; Retry-After says when to try again",
        };
        if (hasBody)
        {
            statuses[413] = "The body is larger than the route accepts";
            statuses[415] = "The body is not application/json in UTF-8";
        }

        if (namesServer)
        {
            statuses[404] = "Server not found";
        }

        if (needsToken)
        {
            statuses[401] = "Missing, invalid or expired registry token";
            statuses[403] = "The token does not grant this action on the server name";
        }

        foreach (var (status, description) in declared)
        {
            statuses[status] = description;
        }

        return statuses;
    }
}
