using System.Text;
using Grpc.Core;

namespace Registry.ServiceHosting;

/// <summary>
/// Transcoding omits empty repeated fields (we ask it to, so that absent server.json arrays stay absent), but
/// some official bodies always carry an array, as <c>[]</c> when empty: <c>servers</c> of a list, <c>issues</c>
/// of a validation. A service marks such a response and the REST middleware writes the array in front of the rest.
/// </summary>
public static class EmptyArrayFields
{
    public const string ItemKey = "registry.empty-array-fields";

    public static void Mark(ServerCallContext context, string jsonName)
    {
        var items = context.GetHttpContext().Items;
        items[ItemKey] = items[ItemKey] is List<string> names ? [.. names, jsonName] : new List<string> { jsonName };
    }

    /// <summary>The text that replaces the body's opening brace; <paramref name="bodyIsEmpty"/> when the object has no other field (<c>{}</c>).</summary>
    public static byte[] Prefix(IEnumerable<string> jsonNames, bool bodyIsEmpty = false) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", jsonNames.Select(n => $"\"{n}\":[]")) + (bodyIsEmpty ? "" : ","));
}
