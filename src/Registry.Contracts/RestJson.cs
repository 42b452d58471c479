using System.Text.Json.Nodes;
using Google.Protobuf;

namespace Registry.Contracts.V0;

/// <summary>
/// A typed message's JSON as the REST reads write it: the proto3 JSON mapping, with the operator annotations of each
/// <c>_meta</c> (<see cref="ResponseMeta.Annotations"/>) as keys of <c>_meta</c> itself, beside the official metadata,
/// rather than under an <c>annotations</c> object. For tools that answer with typed messages (the MCP server, the CLI).
/// </summary>
public static class RestJson
{
    private const string MetaField = "_meta";
    private const string AnnotationsField = "annotations";

    public static JsonNode Of(IMessage message)
    {
        var node = JsonNode.Parse(JsonFormatter.Default.Format(message))!;
        LiftAnnotations(node);
        return node;
    }

    private static void LiftAnnotations(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject json:
                if (json[MetaField] is JsonObject meta && meta[AnnotationsField] is JsonObject annotations)
                {
                    meta.Remove(AnnotationsField);
                    foreach (var (key, value) in annotations.ToList())
                    {
                        annotations.Remove(key);
                        meta[key] = value;
                    }
                }

                foreach (var (_, child) in json.ToList())
                {
                    LiftAnnotations(child);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    LiftAnnotations(item);
                }

                break;
        }
    }
}
