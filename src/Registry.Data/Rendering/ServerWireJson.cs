using System.Buffers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Registry.Data.Servers;

namespace Registry.Data.Rendering;

/// <summary>
/// A stored server.json as the contract serialises it: parsed into <c>ServerJson</c> (fields the contract does not
/// know are dropped) and written back with the proto3 JSON mapping. Written once per row, beside the document, so
/// the REST read path can copy it instead of parsing and serialising on every request.
/// </summary>
public static class ServerWireJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static string Render(string storedDocument)
    {
        // The formatter puts spaces after every colon and comma; responses carry none.
        using var formatted = JsonDocument.Parse(Formatter.Format(ServerResponseMapper.ParseDocument(storedDocument)));
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            formatted.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The record's document in wire form, rendering it now when the row has none yet.</summary>
    public static string Of(ServerVersionRecord record) => record.DocumentIsWireJson ? record.Document : Render(record.Document);
}
