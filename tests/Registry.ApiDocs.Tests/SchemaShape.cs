using Microsoft.OpenApi;

namespace Registry.ApiDocs.Tests;

/// <summary>
/// What a schema lets a client read, whatever way it is written: its JSON type and its properties, gathered through
/// references and allOf / anyOf / oneOf, and for arrays those of its items.
/// </summary>
internal static class SchemaShape
{
    public static JsonSchemaType? TypeOf(IOpenApiSchema? schema) =>
        schema is null ? null : schema.Type ?? Members(schema).Select(TypeOf).FirstOrDefault(t => t is not null);

    public static Dictionary<string, IOpenApiSchema> PropertiesOf(IOpenApiSchema schema)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            properties[name] = property;
        }

        foreach (var member in Members(schema))
        {
            foreach (var (name, property) in PropertiesOf(member))
            {
                properties.TryAdd(name, property);
            }
        }

        return properties;
    }

    /// <summary>Every difference between what <paramref name="official"/> offers and what <paramref name="ours"/> does.</summary>
    public static IEnumerable<string> Missing(IOpenApiSchema official, IOpenApiSchema? ours, string at, int depth = 0)
    {
        if (ours is null)
        {
            yield return $"{at}: missing";
            yield break;
        }

        var (officialType, ourType) = (TypeOf(official), TypeOf(ours));
        if (officialType is not null && ourType is not null && (officialType & ~JsonSchemaType.Null) != (ourType & ~JsonSchemaType.Null))
        {
            yield return $"{at}: type {officialType} in the official document, {ourType} in ours";
            yield break;
        }

        if (depth > 8)
        {
            yield break;
        }

        if (officialType == JsonSchemaType.Array)
        {
            foreach (var difference in Missing(ItemsOf(official)!, ItemsOf(ours), at + "[]", depth + 1))
            {
                yield return difference;
            }

            yield break;
        }

        var ourProperties = PropertiesOf(ours);
        foreach (var (name, property) in PropertiesOf(official))
        {
            foreach (var difference in Missing(property, ourProperties.GetValueOrDefault(name), $"{at}.{name}", depth + 1))
            {
                yield return difference;
            }
        }

        if (official.AdditionalProperties is { } officialValues)
        {
            var ourValues = ours.AdditionalProperties ?? Members(ours).Select(m => m.AdditionalProperties).FirstOrDefault(v => v is not null);
            foreach (var difference in Missing(officialValues, ourValues, at + "{}", depth + 1))
            {
                yield return difference;
            }
        }
    }

    private static IOpenApiSchema? ItemsOf(IOpenApiSchema schema) =>
        schema.Items ?? Members(schema).Select(ItemsOf).FirstOrDefault(i => i is not null);

    private static IEnumerable<IOpenApiSchema> Members(IOpenApiSchema schema) =>
        (schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? []);
}
