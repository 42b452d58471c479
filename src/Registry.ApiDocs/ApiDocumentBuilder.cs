using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;
using Registry.Contracts.V0;

namespace Registry.ApiDocs;

/// <summary>
/// Builds the OpenAPI document of every REST route from the contract: each google.api.http binding of the three
/// services is one operation, its parameters and schemas come from the request and response messages, its texts from
/// the proto comments, and the registry.v0 options (openapi.proto) add what bindings and comments cannot say.
/// </summary>
public static class ApiDocumentBuilder
{
    public const string Version = "1.0.0";
    public const string OfficialRepository = "https://github.com/modelcontextprotocol/registry";
    private const string BearerScheme = "bearerAuth";
    private const string Json = "application/json";

    private static readonly (ServiceDescriptor Service, string Tag)[] Services =
    [
        (Catalog.Descriptor, "servers"),
        (Contracts.V0.Publish.Descriptor, "publish"),
        (Verification.Descriptor, "auth"),
        (Contracts.V0.Annotations.Descriptor, "extensions"),
        (Contracts.V0.Audit.Descriptor, "extensions"),
    ];

    public static OpenApiDocument Build()
    {
        var comments = ContractComments.Load();
        var document = new OpenApiDocument
        {
            Info = new OpenApiInfo
            {
                Title = "Registry: MCP Registry API",
                Version = Version,
                Description =
                    $"A self-hosted registry implementing the MCP Registry API of {OfficialRepository} (the same routes under " +
                    "/v0 and /v0.1, parameters, JSON fields and problem+json errors), with its extensions under /v0.1/x/dev.mcpregistry/.",
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            },
            Paths = new OpenApiPaths(),
            Components = new OpenApiComponents
            {
                SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
                {
                    [BearerScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.Http,
                        Scheme = "bearer",
                        BearerFormat = "JWT",
                        Description = "A registry token from one of the /v0.1/auth/* logins; valid five minutes.",
                    },
                },
            },
        };

        var schemas = new MessageSchemas(document, comments);
        document.Components.Schemas = schemas.Components;
        schemas.Components[ProblemResponses.SchemaName] = ProblemResponses.Schema();

        var tags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (service, defaultTag) in Services)
        {
            foreach (var method in service.Methods)
            {
                if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
                {
                    continue;
                }

                var tag = method.GetOptions().GetExtension(OpenapiExtensions.Tag) is { Length: > 0 } own ? own : defaultTag;
                tags.Add(tag);
                foreach (var binding in HttpBinding.Of(rule))
                {
                    var path = binding.OpenApiPath(field => method.InputType.FindFieldByName(field).JsonName);
                    if (!document.Paths.TryGetValue(path, out var item))
                    {
                        item = new OpenApiPathItem { Operations = new Dictionary<HttpMethod, OpenApiOperation>() };
                        document.Paths[path] = item;
                    }

                    item.Operations![binding.Method] = Operation(document, schemas, comments, method, binding, tag);
                }
            }
        }

        MirrorStatusOperation.AddTo(document, tags);
        document.Tags = new HashSet<OpenApiTag>(tags.Select(t => new OpenApiTag { Name = t }));
        return document;
    }

    private static OpenApiOperation Operation(
        OpenApiDocument document, MessageSchemas schemas, ContractComments comments, MethodDescriptor method, HttpBinding binding, string tag)
    {
        var options = method.GetOptions();
        var description = comments.For(method);
        var needsToken = options.GetExtension(OpenapiExtensions.BearerToken);
        var operation = new OpenApiOperation
        {
            OperationId = method.Name + (binding.Template.StartsWith("/v0.1/", StringComparison.Ordinal) ? "" : "V0"),
            Summary = Summary(description) ?? method.Name,
            Description = description,
            Tags = new HashSet<OpenApiTagReference> { new(tag, document) },
            Parameters = [.. Parameters(schemas, comments, method.InputType, binding)],
            Responses = new OpenApiResponses(),
        };

        if (RequestBody(schemas, comments, method, binding) is { } body)
        {
            operation.RequestBody = body;
        }

        if (needsToken)
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
        }

        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "Success",
            Content = new Dictionary<string, IOpenApiMediaType>
            {
                [options.GetExtension(OpenapiExtensions.ResponseMediaType) is { Length: > 0 } mediaType ? mediaType : Json] =
                    new OpenApiMediaType { Schema = ResponseSchema(schemas, method) },
            },
        };
        var errors = ProblemResponses.For(
            hasBody: binding.Body.Length > 0,
            namesServer: binding.PathFields.Contains("server_name"),
            needsToken,
            (options.GetExtension(OpenapiExtensions.Errors) ?? []).Select(e => (e.Status, e.Description)));
        foreach (var (status, text) in errors)
        {
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [ProblemResponses.MediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemResponses.SchemaName, document) },
                },
            };
        }

        return operation;
    }

    /// <summary>Path variables by JSON name (as the official document names them); for body-less routes, the other fields as query parameters by proto name.</summary>
    private static IEnumerable<IOpenApiParameter> Parameters(MessageSchemas schemas, ContractComments comments, MessageDescriptor request, HttpBinding binding)
    {
        foreach (var name in binding.PathFields)
        {
            var field = request.FindFieldByName(name);
            yield return Parameter(schemas, comments, field, field.JsonName, ParameterLocation.Path);
        }

        if (binding.Body.Length > 0)
        {
            yield break;
        }

        foreach (var field in request.Fields.InDeclarationOrder().Where(f => !binding.PathFields.Contains(f.Name)))
        {
            yield return Parameter(schemas, comments, field, field.Name, ParameterLocation.Query);
        }
    }

    private static OpenApiParameter Parameter(MessageSchemas schemas, ContractComments comments, FieldDescriptor field, string name, ParameterLocation location) => new()
    {
        Name = name,
        In = location,
        Required = location == ParameterLocation.Path,
        Description = comments.For(field),
        Schema = schemas.Field(field, describe: false),
    };

    private static OpenApiRequestBody? RequestBody(MessageSchemas schemas, ContractComments comments, MethodDescriptor method, HttpBinding binding)
    {
        if (binding.Body.Length == 0)
        {
            return null;
        }

        IOpenApiSchema schema;
        if (binding.Body == "*")
        {
            var fields = method.InputType.Fields.InDeclarationOrder().Where(f => !binding.PathFields.Contains(f.Name)).ToList();
            if (fields.Count == 0)
            {
                return null;
            }

            schema = schemas.ObjectOf(method.InputType, fields, comments.For(method.InputType));
        }
        else
        {
            var field = method.InputType.FindFieldByName(binding.Body);
            schema = field.MessageType.FullName == HttpBody.Descriptor.FullName
                ? schemas.Reference(Named(method.GetOptions().GetExtension(OpenapiExtensions.RequestBodyMessage), method))
                : schemas.Field(field);
        }

        return new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, IOpenApiMediaType> { [Json] = new OpenApiMediaType { Schema = schema } },
        };
    }

    private static IOpenApiSchema ResponseSchema(MessageSchemas schemas, MethodDescriptor method) =>
        method.OutputType.FullName == HttpBody.Descriptor.FullName
            ? schemas.Reference(Named(method.GetOptions().GetExtension(OpenapiExtensions.ResponseBodyMessage), method))
            : schemas.Reference(method.OutputType);

    /// <summary>The message an HttpBody holds, named by the method's option; a binding without one is a contract bug.</summary>
    private static MessageDescriptor Named(string fullName, MethodDescriptor method) =>
        ContractMessages.Find(fullName, Services.Select(s => s.Service.File))
        ?? throw new InvalidOperationException(
            $"{method.FullName} carries a google.api.HttpBody; name the message it holds with a registry.v0 body option (got '{fullName}').");

    private static string? Summary(string? description)
    {
        if (description is null)
        {
            return null;
        }

        var firstParagraph = description.Split("\n\n")[0];
        var end = firstParagraph.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? firstParagraph : firstParagraph[..end]).TrimEnd('.');
    }
}
