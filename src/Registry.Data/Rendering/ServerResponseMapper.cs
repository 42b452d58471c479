using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Registry.Contracts.V0;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Rendering;

/// <summary>Turns stored rows into the wire messages of the contract.</summary>
public static class ServerResponseMapper
{
    // Stored documents may carry fields a later schema added; they are not part of our typed contract yet.
    private static readonly JsonParser DocumentParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static ServerJson ParseDocument(string json) => DocumentParser.Parse<ServerJson>(json);

    public static ServerResponse ToResponse(ServerVersionRecord record)
    {
        var official = new OfficialMeta
        {
            Status = record.Status,
            StatusChangedAt = Timestamp.FromDateTimeOffset(record.StatusChangedAt),
            PublishedAt = Timestamp.FromDateTimeOffset(record.PublishedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(record.UpdatedAt),
            IsLatest = record.IsLatest,
        };
        if (record.StatusMessage is { } message)
        {
            official.StatusMessage = message;
        }

        var meta = new ResponseMeta { Official = official };
        if (record.Annotations is { } annotations)
        {
            using var parsed = System.Text.Json.JsonDocument.Parse(annotations);
            foreach (var annotation in parsed.RootElement.EnumerateObject())
            {
                meta.Annotations[annotation.Name] = Struct.Parser.ParseJson(annotation.Value.GetRawText());
            }
        }

        return new ServerResponse { Server = ParseDocument(record.Document), Meta = meta };
    }

    /// <summary>A page; <c>nextCursor</c> is set whenever the page is full, as the official registry does.</summary>
    public static ServerList ToPage(IReadOnlyList<ServerVersionRecord> records, ServerListQuery query)
    {
        var list = ToList(records);
        if (NextCursor(records, query) is { } cursor)
        {
            list.Metadata.NextCursor = cursor;
        }

        return list;
    }

    /// <summary>The cursor after a page, from its last row and the list's filter, when the page is full; else none.</summary>
    public static string? NextCursor(IReadOnlyList<ServerVersionRecord> records, ServerListQuery query) =>
        records.Count >= query.Limit && records.Count > 0 ? query.NextCursor(records[^1].Name, records[^1].Version) : null;

    public static ServerList ToList(IReadOnlyList<ServerVersionRecord> records)
    {
        var list = new ServerList { Metadata = new ListMetadata { Count = records.Count } };
        foreach (var record in records)
        {
            list.Servers.Add(ToResponse(record));
        }

        return list;
    }
}
