using System.Text.Json;
using Json.Pointer;

namespace Registry.Domain.Validation.Schema;

/// <summary>
/// Turns a JSON-schema instance location (<c>/packages/0/transport/url</c>) into the official issue path
/// (<c>packages[0].transport.url</c>). The document is consulted so that a numeric segment becomes an index only
/// where it really steps into an array; a map key such as "0" stays a property.
/// </summary>
internal static class InstancePaths
{
    public static string ToIssuePath(JsonPointer location, JsonElement document)
    {
        var path = IssuePath.Root;
        JsonElement? current = document;
        for (var i = 0; i < location.SegmentCount; i++)
        {
            var segment = PointerSegments.At(location, i);
            if (current is { ValueKind: JsonValueKind.Array } array && int.TryParse(segment, out var index))
            {
                path = IssuePath.Item(path, index);
                current = index < array.GetArrayLength() ? array[index] : null;
            }
            else
            {
                path = IssuePath.Property(path, segment);
                current = current is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(segment, out var child) ? child : null;
            }
        }

        return path;
    }
}
