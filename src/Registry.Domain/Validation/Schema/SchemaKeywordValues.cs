using System.Text.Json.Nodes;
using Json.Pointer;
using Json.Schema;

namespace Registry.Domain.Validation.Schema;

/// <summary>
/// Looks up the value a keyword has in the subschema that produced a result node (the "required" list, the "enum"
/// values, the "pattern"), which the library's own messages leave out.
/// </summary>
internal static class SchemaKeywordValues
{
    public static JsonNode? Find(DatedServerSchema schema, EvaluationResults node, string keyword)
    {
        var fragment = Uri.UnescapeDataString(node.SchemaLocation.Fragment.TrimStart('#'));
        if (!JsonPointer.TryParse(fragment, out var pointer) || !pointer.TryEvaluate(schema.Document, out var subschema))
        {
            return null;
        }

        return subschema is JsonObject properties ? properties[keyword] : null;
    }
}
