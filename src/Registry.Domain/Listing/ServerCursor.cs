using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Registry.Domain.Listing;

/// <summary>
/// Where the next page starts. The official cursor is not opaque: <c>name:version</c> of the last row returned, split
/// on the first colon; without a colon it is a bare name and resumes after every version of that name. Unfiltered
/// lists hand out exactly that. A filtered list hands out <c>f1.</c> and the base64url of a small JSON object holding
/// the row and the filter, because some clients (VS Code's gallery) send only the cursor for the next page: that
/// cursor must still mean "the next page of this search". It has no colon, so it cannot be read as a plain cursor.
/// </summary>
public sealed record ServerCursor(string Name, string? Version, ListFilter? Filter = null)
{
    private const string FilteredPrefix = "f1.";

    public static ServerCursor Parse(string cursor)
    {
        if (cursor.StartsWith(FilteredPrefix, StringComparison.Ordinal) && !cursor.Contains(':') && TryDecode(cursor[FilteredPrefix.Length..]) is { } filtered)
        {
            return filtered;
        }

        var colon = cursor.IndexOf(':');
        return colon < 0
            ? new ServerCursor(cursor, null)
            : new ServerCursor(cursor[..colon], cursor[(colon + 1)..]);
    }

    public static string Format(string name, string version, ListFilter? filter = null)
    {
        if (filter is null || filter.IsEmpty)
        {
            return $"{name}:{version}";
        }

        var payload = new Payload(name, version, filter.Search, filter.Version, filter.UpdatedSince, filter.IncludeDeleted,
            filter.Annotations is { Count: > 0 } annotations ? [.. annotations] : null);
        return FilteredPrefix + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson.Default.Payload));
    }

    private static ServerCursor? TryDecode(string encoded)
    {
        try
        {
            var payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(encoded), PayloadJson.Default.Payload);
            return payload is { Name.Length: > 0, Version: not null }
                ? new ServerCursor(payload.Name, payload.Version, new ListFilter(payload.Search, payload.VersionFilter, payload.UpdatedSince, payload.IncludeDeleted, payload.Annotations))
                : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    internal sealed record Payload(
        [property: JsonPropertyName("n")] string Name,
        [property: JsonPropertyName("v")] string Version,
        [property: JsonPropertyName("s")] string? Search,
        [property: JsonPropertyName("fv")] string? VersionFilter,
        [property: JsonPropertyName("u")] string? UpdatedSince,
        [property: JsonPropertyName("d")] bool? IncludeDeleted,
        [property: JsonPropertyName("a")] string[]? Annotations);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServerCursor.Payload))]
internal sealed partial class PayloadJson : JsonSerializerContext;
