using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Registry.Data.Search;
using Registry.Data.Servers;
using Registry.Domain.Search;
using Registry.Domain.Listing;

namespace Registry.Data.Rendering;

/// <summary>
/// The REST bodies of the read routes, written straight from stored rows: the same JSON the typed messages of
/// <see cref="ServerResponseMapper"/> serialise to (same names, same order, absent fields omitted), with each
/// server.json copied from its wire rendering instead of being parsed and serialised again.
/// </summary>
public static class ServerResponseJson
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";

    /// <summary>A list page; <c>nextCursor</c> is set whenever the page is full, as in <see cref="ServerResponseMapper.ToPage"/>.</summary>
    public static byte[] Page(IReadOnlyList<ServerVersionRecord> records, ServerListQuery query) =>
        Write(writer => WriteList(writer, records, ServerResponseMapper.NextCursor(records, query)));

    public static byte[] List(IReadOnlyList<ServerVersionRecord> records) => Write(writer => WriteList(writer, records, null));

    public static byte[] One(ServerVersionRecord record) => Write(writer => WriteResponse(writer, record));

    /// <summary>A ranked search page, as <see cref="SearchResponseMapper.ToResponse"/> serialises (empty facets omitted).</summary>
    public static byte[] Search(SearchPage page, SearchQuery query) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("servers");
        foreach (var hit in page.Hits)
        {
            WriteResponse(writer, hit.Record, (double)hit.Score);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("metadata");
        if (SearchResponseMapper.NextCursor(page, query) is { } nextCursor)
        {
            writer.WriteString("nextCursor", nextCursor);
        }

        writer.WriteNumber("count", page.Hits.Count);
        writer.WriteNumber("total", page.Facets.Total);
        writer.WriteEndObject();
        writer.WriteStartObject("facets");
        WriteCounts(writer, "registryType", page.Facets.RegistryType);
        WriteCounts(writer, "transport", page.Facets.Transport);
        WriteCounts(writer, "hasRemote", page.Facets.HasRemote);
        WriteCounts(writer, "status", page.Facets.Status);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static void WriteCounts(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, int> counts)
    {
        if (counts.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (value, count) in counts)
        {
            writer.WriteNumber(value, count);
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            body(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteList(Utf8JsonWriter writer, IReadOnlyList<ServerVersionRecord> records, string? nextCursor)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("servers");
        foreach (var record in records)
        {
            WriteResponse(writer, record);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("metadata");
        if (nextCursor is not null)
        {
            writer.WriteString("nextCursor", nextCursor);
        }

        writer.WriteNumber("count", records.Count);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter writer, ServerVersionRecord record, double? score = null)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("server");
        writer.WriteRawValue(ServerWireJson.Of(record), skipInputValidation: true);
        writer.WriteStartObject("_meta");
        writer.WriteStartObject(OfficialKey);
        writer.WriteString("status", record.Status);
        WriteTimestamp(writer, "statusChangedAt", record.StatusChangedAt);
        if (record.StatusMessage is { } message)
        {
            writer.WriteString("statusMessage", message);
        }

        WriteTimestamp(writer, "publishedAt", record.PublishedAt);
        WriteTimestamp(writer, "updatedAt", record.UpdatedAt);
        writer.WriteBoolean("isLatest", record.IsLatest);
        writer.WriteEndObject();
        WriteAnnotations(writer, record.Annotations);
        writer.WriteEndObject();
        if (score is { } value)
        {
            writer.WriteNumber("score", value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Each operator annotation is a key of <c>_meta</c> itself, beside the official metadata.</summary>
    private static void WriteAnnotations(Utf8JsonWriter writer, string? annotations)
    {
        if (annotations is null)
        {
            return;
        }

        using var parsed = JsonDocument.Parse(annotations);
        foreach (var annotation in parsed.RootElement.EnumerateObject())
        {
            annotation.WriteTo(writer);
        }
    }

    /// <summary>The proto3 JSON form of a Timestamp: UTC, with 0, 3, 6 or 9 fractional digits.</summary>
    public static string TimestampText(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        var seconds = utc.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
        return ticks switch
        {
            0 => seconds + "Z",
            _ when ticks % TimeSpan.TicksPerMillisecond == 0 => $"{seconds}.{ticks / TimeSpan.TicksPerMillisecond:D3}Z",
            _ when ticks % TimeSpan.TicksPerMicrosecond == 0 => $"{seconds}.{ticks / TimeSpan.TicksPerMicrosecond:D6}Z",
            _ => $"{seconds}.{ticks * 100:D9}Z",
        };
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, string name, DateTimeOffset value) =>
        writer.WriteString(name, TimestampText(value));
}
