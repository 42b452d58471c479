using System.Text;
using System.Text.Json.Nodes;

namespace Registry.Data.Servers;

/// <summary>
/// What is stored of a server.json: the document as written, except that <c>_meta</c> keeps only the
/// publisher-provided key (the official block is the registry's own, other keys are dropped).
/// </summary>
public static class StoredServerDocument
{
    public const string PublisherProvidedKey = "io.modelcontextprotocol.registry/publisher-provided";

    public static string Prepare(JsonObject server)
    {
        var copy = (JsonObject)server.DeepClone();
        if (copy["_meta"] is JsonObject meta)
        {
            var kept = meta[PublisherProvidedKey]?.DeepClone();
            copy.Remove("_meta");
            if (kept is not null)
            {
                copy["_meta"] = new JsonObject { [PublisherProvidedKey] = kept };
            }
        }
        else
        {
            copy.Remove("_meta");
        }

        return copy.ToJsonString();
    }

    /// <summary>Size of the publisher-provided block as JSON, which the official registry caps at 4 KB.</summary>
    public static int PublisherProvidedBytes(JsonObject server) =>
        server["_meta"] is JsonObject meta && meta[PublisherProvidedKey] is { } provided
            ? Encoding.UTF8.GetByteCount(provided.ToJsonString())
            : 0;

    /// <summary>The <c>url</c> of every remote, as written.</summary>
    public static IReadOnlyList<string> RemoteUrls(JsonObject server) =>
        server["remotes"] is JsonArray remotes
            ? remotes.OfType<JsonObject>()
                .Select(r => r["url"] is JsonValue v && v.TryGetValue<string>(out var url) ? url : null)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .ToList()
            : [];

    public static IReadOnlyList<string> RemoteUrls(string storedJson) =>
        JsonNode.Parse(storedJson) is JsonObject server ? RemoteUrls(server) : [];
}
