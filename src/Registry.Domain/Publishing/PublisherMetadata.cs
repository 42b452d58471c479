using System.Text;
using System.Text.Json.Nodes;
using Registry.Domain.Errors;

namespace Registry.Domain.Publishing;

/// <summary>
/// The one <c>_meta</c> block a publisher may send. Its JSON is capped at 4 KB on publish only: an edit is an
/// administrator's, and the official registry does not check it there.
/// </summary>
public static class PublisherMetadata
{
    public const string Key = "io.modelcontextprotocol.registry/publisher-provided";
    public const int MaxBytes = 4096;

    public static int SizeInBytes(JsonObject server) =>
        server["_meta"] is JsonObject meta && meta[Key] is { } provided
            ? Encoding.UTF8.GetByteCount(provided.ToJsonString())
            : 0;

    public static void RequireWithinLimit(JsonObject server)
    {
        if (SizeInBytes(server) > MaxBytes)
        {
            throw RegistryErrors.PublisherMetadataTooLarge(Key, MaxBytes);
        }
    }
}
