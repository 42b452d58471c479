using Microsoft.OpenApi;

namespace Registry.ApiDocs.Tests;

/// <summary>
/// Our document, generated from the protos, against the official generic OpenAPI document: every official path and
/// method is there, with every parameter under the same name, place and type, the same request body fields, every
/// field of the success answer with the same JSON type, and every 4xx the official document lists.
/// </summary>
public class ApiParityTests
{
    [Fact]
    public async Task EveryOfficialOperationIsDescribedWithTheSameParametersBodiesAndAnswers()
    {
        var differences = Differences(OpenApiDocuments.Official(), await OpenApiDocuments.OursAsync());

        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
    }

    [Fact]
    public async Task AFieldOrParameterTheOfficialDocumentHasAndOursLacksIsReported()
    {
        var ours = await OpenApiDocuments.OursAsync();
        ((OpenApiSchema)ours.Components!.Schemas!["OfficialMeta"]).Properties!.Remove("isLatest");
        ((OpenApiSchema)ours.Components.Schemas["ListMetadata"]).Properties!["count"] = new OpenApiSchema { Type = JsonSchemaType.String };
        var list = ours.Paths["/v0.1/servers"].Operations![HttpMethod.Get];
        list.Parameters!.Remove(list.Parameters.Single(p => p.Name == "search"));

        var differences = Differences(OpenApiDocuments.Official(), ours);

        Assert.Contains(differences, d => d.Contains("GET /v0.1/servers 200.servers[]._meta.io.modelcontextprotocol.registry/official.isLatest: missing"));
        Assert.Contains(differences, d => d.Contains("GET /v0.1/servers 200.metadata.count: type Integer in the official document, String in ours"));
        Assert.Contains("GET /v0.1/servers: no Query parameter search", differences);
    }

    private static List<string> Differences(OpenApiDocument official, OpenApiDocument ours)
    {
        var differences = new List<string>();

        foreach (var (path, officialItem) in official.Paths)
        {
            if (!ours.Paths.TryGetValue(path, out var ourItem))
            {
                differences.Add($"{path}: no such path");
                continue;
            }

            foreach (var (method, officialOperation) in officialItem.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                if (ourItem.Operations?.GetValueOrDefault(method) is not { } ourOperation)
                {
                    differences.Add($"{method} {path}: no such operation");
                    continue;
                }

                differences.AddRange(Compare($"{method} {path}", officialOperation, ourOperation));
            }
        }

        return differences;
    }

    [Fact]
    public async Task TheDocumentSaysWhatToolHiveChecksBeforeItMirrorsARegistry()
    {
        var ours = await OpenApiDocuments.OursAsync();

        Assert.Equal("1.0.0", ours.Info.Version);
        Assert.Contains("https://github.com/modelcontextprotocol/registry", ours.Info.Description);
    }

    private static IEnumerable<string> Compare(string operation, OpenApiOperation official, OpenApiOperation ours)
    {
        foreach (var parameter in official.Parameters ?? [])
        {
            var ourParameter = ours.Parameters?.FirstOrDefault(p => p.Name == parameter.Name && p.In == parameter.In);
            if (ourParameter is null)
            {
                yield return $"{operation}: no {parameter.In} parameter {parameter.Name}";
            }
            else if (SchemaShape.TypeOf(parameter.Schema) != SchemaShape.TypeOf(ourParameter.Schema))
            {
                yield return $"{operation}: parameter {parameter.Name} is {SchemaShape.TypeOf(ourParameter.Schema)}, not {SchemaShape.TypeOf(parameter.Schema)}";
            }
        }

        if (JsonSchema(official.RequestBody?.Content) is { } officialBody)
        {
            var ourBody = JsonSchema(ours.RequestBody?.Content);
            foreach (var difference in SchemaShape.Missing(officialBody, ourBody, $"{operation} request body"))
            {
                yield return difference;
            }
        }

        foreach (var (status, response) in official.Responses ?? new OpenApiResponses())
        {
            if (status.StartsWith('5'))
            {
                continue;
            }

            if (ours.Responses is null || !ours.Responses.TryGetValue(status, out var ourResponse))
            {
                yield return $"{operation}: no {status} answer";
                continue;
            }

            if (status.StartsWith('2') && JsonSchema(response.Content) is { } officialAnswer)
            {
                var ourAnswer = JsonSchema(ourResponse.Content);
                foreach (var difference in SchemaShape.Missing(officialAnswer, ourAnswer, $"{operation} {status}"))
                {
                    yield return difference;
                }
            }
        }
    }

    private static IOpenApiSchema? JsonSchema(IDictionary<string, IOpenApiMediaType>? content) =>
        content is not null && content.TryGetValue("application/json", out var media) ? media.Schema : null;
}
