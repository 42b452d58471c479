using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>
/// Tolerant reads for the semantic rules: a field that is absent or of the wrong JSON type reads as missing,
/// because the JSON schema already reports type errors and the rules must never throw on them.
/// </summary>
internal static class JsonFields
{
    public static string? String(JsonObject? owner, string name) =>
        owner?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>Absent, null or the empty string; a value of another JSON type is present (just unreadable here).</summary>
    public static bool IsMissingOrEmpty(JsonObject? owner, string name) =>
        owner?[name] is null || String(owner, name) is "";

    public static JsonObject? Object(JsonObject? owner, string name) => owner?[name] as JsonObject;

    /// <summary>The object items of an array field with their positions; non-object items are skipped.</summary>
    public static IEnumerable<(int Index, JsonObject Item)> Objects(JsonObject? owner, string name)
    {
        if (owner?[name] is not JsonArray items)
        {
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject item)
            {
                yield return (i, item);
            }
        }
    }
}
