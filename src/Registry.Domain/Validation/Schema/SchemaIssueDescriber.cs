using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Registry.Domain.Validation.Schema;

/// <summary>
/// Words one failed keyword as issues. Where the library's message leaves out what was expected (the missing
/// property, the allowed values, the pattern, the rejected value) the schema and the document fill it in; a
/// missing required property is reported at the property's own path so a client can point at the field.
/// </summary>
internal sealed class SchemaIssueDescriber(DatedServerSchema schema, JsonElement instance)
{
    public IEnumerable<ValidationIssue> Describe(EvaluationResults node, string keyword, string libraryMessage)
    {
        switch (keyword)
        {
            case "required" when MissingProperties(node) is { Count: > 0 } missing:
                var objectPath = PathOf(node);
                return missing.Select(name => Issue(IssuePath.Property(objectPath, name), $"Required property \"{name}\" is not present", keyword));
            case "enum" when SchemaKeywordValues.Find(schema, node, keyword) is JsonArray values:
                return [Issue(node, $"Value should be one of: {string.Join(", ", values.Select(value => value?.ToJsonString()))}", keyword)];
            case "pattern" when SchemaKeywordValues.Find(schema, node, keyword) is JsonValue pattern:
                return [Issue(node, $"Value does not match the pattern {pattern}", keyword)];
            case "not":
                return [Issue(node, NotAllowedMessage(node), keyword)];
            case "additionalProperties":
                return [Issue(node, $"Property \"{PointerSegments.Last(node.InstanceLocation)}\" is not allowed", keyword)];
            default:
                return [Issue(node, libraryMessage, keyword)];
        }
    }

    public ValidationIssue Issue(EvaluationResults node, string message, string keyword) => Issue(PathOf(node), message, keyword);

    private List<string> MissingProperties(EvaluationResults node)
    {
        if (SchemaKeywordValues.Find(schema, node, "required") is not JsonArray required
            || node.InstanceLocation.Evaluate(instance) is not { ValueKind: JsonValueKind.Object } target)
        {
            return [];
        }

        return [.. required.OfType<JsonValue>().Select(name => name.ToString()).Where(name => !target.TryGetProperty(name, out _))];
    }

    private string NotAllowedMessage(EvaluationResults node) =>
        node.InstanceLocation.Evaluate(instance) is { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } value
            ? $"Value {value.GetRawText()} is not allowed"
            : "Value is not allowed here";

    private string PathOf(EvaluationResults node) => InstancePaths.ToIssuePath(node.InstanceLocation, instance);

    private static ValidationIssue Issue(string path, string message, string keyword) =>
        new(IssueTypes.Schema, path, message, IssueSeverities.Error, $"schema:{keyword}");
}
