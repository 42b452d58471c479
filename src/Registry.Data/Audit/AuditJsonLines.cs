using System.Text.Json;
using Registry.Domain.Audit;

namespace Registry.Data.Audit;

/// <summary>
/// The export's format for a SIEM: one JSON object per line, with the field names of the AuditEvent message's
/// JSON (camelCase, the id a number, the time RFC 3339 in UTC). Every field is written, empty text included;
/// only absent name, version and detail are left out.
/// </summary>
public static class AuditJsonLines
{
    public const string ContentType = "application/x-ndjson";

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static async Task WriteAsync(Stream output, IAsyncEnumerable<AuditEvent> events, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(output);
        await foreach (var audited in events.WithCancellation(cancellationToken))
        {
            Write(writer, audited);
            await writer.FlushAsync(cancellationToken);
            writer.Reset();
            await output.WriteAsync(NewLine, cancellationToken);
        }
    }

    private static void Write(Utf8JsonWriter writer, AuditEvent audited)
    {
        var entry = audited.Entry;
        writer.WriteStartObject();
        writer.WriteNumber("id", audited.Id);
        writer.WriteString("occurredAt", audited.OccurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("actor", entry.Actor);
        writer.WriteString("authMethod", entry.AuthMethod);
        writer.WriteStartArray("permissions");
        foreach (var permission in entry.Permissions)
        {
            writer.WriteStringValue(permission);
        }

        writer.WriteEndArray();
        writer.WriteString("clientAddress", entry.ClientAddress);
        writer.WriteString("action", entry.Action);
        WriteIfPresent(writer, "serverName", entry.ServerName);
        WriteIfPresent(writer, "version", entry.Version);
        WriteIfPresent(writer, "detail", entry.Detail);
        writer.WriteString("outcome", entry.Outcome);
        writer.WriteNumber("statusCode", entry.StatusCode);
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
