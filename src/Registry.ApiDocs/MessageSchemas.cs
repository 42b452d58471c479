using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using Microsoft.OpenApi;
using Registry.Contracts.V0;

namespace Registry.ApiDocs;

/// <summary>
/// JSON Schemas of the contract's messages as JSON transcoding writes them: JSON names, optional scalars, repeated
/// fields as arrays, maps as objects, Timestamp as RFC 3339 strings, Struct as a free object, int64 as numbers.
/// Each message becomes one component, referenced wherever it is used.
/// </summary>
internal sealed class MessageSchemas(OpenApiDocument document, ContractComments comments)
{
    private readonly Dictionary<string, IOpenApiSchema> components = new(StringComparer.Ordinal);

    public IDictionary<string, IOpenApiSchema> Components => components;

    /// <summary>A reference to the message's component, creating it (and those it uses) on first use.</summary>
    public IOpenApiSchema Reference(MessageDescriptor message)
    {
        if (!components.ContainsKey(message.Name))
        {
            components[message.Name] = new OpenApiSchema();
            components[message.Name] = ObjectOf(message, message.Fields.InDeclarationOrder(), comments.For(message));
        }

        return new OpenApiSchemaReference(message.Name, document);
    }

    /// <summary>An inline object of some of a message's fields (a request body without its path parameters).</summary>
    public OpenApiSchema ObjectOf(MessageDescriptor message, IEnumerable<FieldDescriptor> fields, string? description)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = description,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
        };
        foreach (var field in fields)
        {
            schema.Properties[field.JsonName] = Field(field);
            if (IsRequired(field))
            {
                (schema.Required ??= new HashSet<string>(StringComparer.Ordinal)).Add(field.JsonName);
            }
        }

        return schema;
    }

    /// <param name="describe">false for a parameter's schema: the parameter carries the field's description.</param>
    public IOpenApiSchema Field(FieldDescriptor field, bool describe = true)
    {
        var schema = field.IsMap
            ? new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = Single(field.MessageType.FindFieldByNumber(2)) }
            : field.IsRepeated
                ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = Single(field) }
                : Single(field);
        var description = describe ? comments.For(field) : null;
        var example = Example(field);
        if (description is null && example is null)
        {
            return schema;
        }

        // A reference cannot carry its own description and example in every OpenAPI version; wrap it instead.
        var described = schema as OpenApiSchema ?? new OpenApiSchema { AllOf = [schema] };
        described.Description ??= description;
        if (example is not null)
        {
            described.Examples = [example];
        }
        return described;
    }

    private IOpenApiSchema Single(FieldDescriptor field) => field.FieldType switch
    {
        FieldType.Message or FieldType.Group => Message(field.MessageType),
        FieldType.Enum => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))] },
        FieldType.Bool => new OpenApiSchema { Type = JsonSchemaType.Boolean },
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 =>
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
            new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        FieldType.Double => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
        FieldType.Float => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "float" },
        FieldType.Bytes => new OpenApiSchema { Type = JsonSchemaType.String, Format = "byte" },
        _ => new OpenApiSchema { Type = JsonSchemaType.String, Format = StringFormat(field) },
    };

    private IOpenApiSchema Message(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Timestamp" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        "google.protobuf.Struct" => new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalPropertiesAllowed = true },
        "google.protobuf.Value" => new OpenApiSchema(),
        _ => Reference(message),
    };

    private static string? StringFormat(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(OpenapiExtensions.Format) is { Length: > 0 } format ? format : null;

    private static JsonNode? Example(FieldDescriptor field)
    {
        if (field.GetOptions()?.GetExtension(OpenapiExtensions.Example) is not { Length: > 0 } text)
        {
            return null;
        }

        return field.FieldType == FieldType.String ? JsonValue.Create(text) : JsonNode.Parse(text);
    }

    private static bool IsRequired(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.Required) == true;
}
