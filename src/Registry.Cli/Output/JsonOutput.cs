using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Registry.Contracts.V0;

namespace Registry.Cli.Output;

/// <summary>
/// --json renders messages as the REST API does: the proto3 JSON mapping's field names, with 64-bit integers as
/// numbers (JSON transcoding's default) rather than the mapping's strings, e.g. "sequence": 42, and annotations as
/// keys of <c>_meta</c> (<see cref="RestJson"/>).
/// </summary>
public static class JsonOutput
{
    private static readonly JsonSerializerOptions IndentedOptions = new() { WriteIndented = true };

    /// <summary>An indented document, for a command's single answer.</summary>
    public static string Document(IMessage message) => ToNode(message).ToJsonString(IndentedOptions);

    /// <summary>One line, for streams (watch).</summary>
    public static string Line(IMessage message) => ToNode(message).ToJsonString();

    private static JsonNode ToNode(IMessage message)
    {
        var node = RestJson.Of(message);
        Int64sAsNumbers(node, message.Descriptor);
        return node;
    }

    private static void Int64sAsNumbers(JsonNode? node, MessageDescriptor descriptor)
    {
        if (node is not JsonObject json || descriptor.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (json[field.JsonName] is not { } value)
            {
                continue;
            }

            if (field.IsMap)
            {
                var valueField = field.MessageType.FindFieldByNumber(2);
                foreach (var (key, item) in value.AsObject().ToList())
                {
                    Visit(item, valueField, number => value[key] = number);
                }
            }
            else if (field.IsRepeated)
            {
                var array = value.AsArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    Visit(array[i], field, number => array[index] = number);
                }
            }
            else
            {
                Visit(value, field, number => json[field.JsonName] = number);
            }
        }
    }

    /// <summary>Recurses into a message value in place; a 64-bit integer written as a string is replaced by its number.</summary>
    private static void Visit(JsonNode? value, FieldDescriptor field, Action<JsonNode> replace)
    {
        if (field.FieldType == FieldType.Message)
        {
            Int64sAsNumbers(value, field.MessageType);
        }
        else if (field.FieldType is FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64
                 && value is JsonValue text && text.TryGetValue<string>(out var digits))
        {
            replace(JsonNode.Parse(digits)!);
        }
    }
}
