using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Domain.Listing;
using Registry.Domain.Versions;

namespace Registry.Data.ServerLists;

/// <summary>
/// Reads a list response (<c>{"servers":[{"server":{...},"_meta":{...}}]}</c>), as an upstream registry answers and
/// a seed file may hold, or a bare array of such entries or of plain server.json documents.
/// </summary>
public static class ServerListResponseReader
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";

    public sealed record Page(IReadOnlyList<ServerListEntry> Entries, IReadOnlyList<string> Rejected, string? NextCursor);

    public static Page Read(string json)
    {
        var root = JsonNode.Parse(json) ?? throw new FormatException("The seed is empty.");
        var items = root switch
        {
            JsonArray array => array,
            JsonObject obj when obj["servers"] is JsonArray servers => servers,
            _ => throw new FormatException("The seed must be a list response ({\"servers\":[...]}) or an array."),
        };
        var nextCursor = root is JsonObject o ? o["metadata"]?["nextCursor"]?.GetValue<string>() : null;

        var (entries, rejected) = ReadItems(items, firstIndex: 0);
        return new Page(entries, rejected, string.IsNullOrEmpty(nextCursor) ? null : nextCursor);
    }

    /// <summary>
    /// The entries of a list's items; an item that is not a valid entry is rejected with its position, counted from
    /// <paramref name="firstIndex"/> (where the items start in a larger list read in parts).
    /// </summary>
    public static (List<ServerListEntry> Entries, List<string> Rejected) ReadItems(IList<JsonNode?> items, int firstIndex)
    {
        var entries = new List<ServerListEntry>(items.Count);
        var rejected = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            try
            {
                entries.Add(ReadEntry(items[i] as JsonObject ?? throw new FormatException("not an object")));
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException
                or Google.Protobuf.InvalidJsonException or Google.Protobuf.InvalidProtocolBufferException)
            {
                rejected.Add($"entry {firstIndex + i}: {ex.Message}");
            }
        }

        return (entries, rejected);
    }

    private static ServerListEntry ReadEntry(JsonObject item)
    {
        var server = item["server"] as JsonObject ?? item;
        var name = server["name"]?.GetValue<string>();
        var version = server["version"]?.GetValue<string>();
        if (string.IsNullOrEmpty(name) || string.IsNullOrEmpty(version))
        {
            throw new FormatException("name and version are required");
        }

        var document = StoredServerDocument.Prepare(server);
        ServerResponseMapper.ParseDocument(document);
        var official = ReferenceEquals(server, item) ? null : ReadOfficial(item["_meta"]?[OfficialKey] as JsonObject);
        return new ServerListEntry(name, version, document, official);
    }

    private static ServerListOfficialMeta? ReadOfficial(JsonObject? official)
    {
        if (official is null)
        {
            return null;
        }

        var status = official["status"]?.GetValue<string>() ?? ServerStatus.Active;
        if (!ServerStatus.IsKnown(status))
        {
            throw new FormatException($"unknown status '{status}'");
        }

        return new ServerListOfficialMeta(
            status,
            official["statusMessage"]?.GetValue<string>(),
            Timestamp(official, "statusChangedAt"),
            Timestamp(official, "publishedAt"),
            Timestamp(official, "updatedAt"),
            official["isLatest"]?.GetValue<bool>() ?? false);
    }

    private static DateTimeOffset? Timestamp(JsonObject official, string key)
    {
        var text = official[key]?.GetValue<string>();
        if (text is null)
        {
            return null;
        }

        return Rfc3339.TryParse(text, out var value) ? value : throw new FormatException($"{key} is not RFC 3339");
    }
}
