using System.IO.Hashing;
using System.Text;

namespace Registry.Gateway.Caching;

/// <summary>
/// A 200 answer as it is stored and replayed: its strong entity tag, content type, the headers that are part of what
/// it is (<see cref="KeptHeaders"/>: a web page's security policy), body and when it was stored (which tells fresh from
/// stale; see <see cref="ResponseStore"/>).
/// </summary>
internal sealed record CachedResponse(
    string EntityTag, string ContentType, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, DateTimeOffset StoredAt)
{
    /// <summary>Headers an answer keeps when it is replayed; others (dates, lengths, cache status) are written afresh.</summary>
    public static readonly string[] KeptHeaders =
        ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy"];

    private const byte FormatVersion = 3;

    public static CachedResponse Create(string? contentType, byte[] body, DateTimeOffset storedAt, IHeaderDictionary? headers = null) =>
        new($"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"", contentType ?? "application/json", Kept(headers), body, storedAt);

    /// <summary>Whole seconds since it was stored, as the <c>Age</c> header counts.</summary>
    public long AgeSeconds(DateTimeOffset now) => Math.Max(0, (long)(now - StoredAt).TotalSeconds);

    public byte[] Serialize()
    {
        using var stream = new MemoryStream(64 + Body.Length);
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(FormatVersion);
            writer.Write(StoredAt.ToUnixTimeMilliseconds());
            writer.Write(EntityTag);
            writer.Write(ContentType);
            writer.Write((byte)Headers.Count);
            foreach (var (name, value) in Headers)
            {
                writer.Write(name);
                writer.Write(value);
            }

            writer.Write(Body);
        }

        return stream.ToArray();
    }

    /// <summary>Null for anything not written by <see cref="Serialize"/> of this format version.</summary>
    public static CachedResponse? Deserialize(ReadOnlySpan<byte> stored)
    {
        if (stored.Length == 0 || stored[0] != FormatVersion)
        {
            return null;
        }

        try
        {
            using var reader = new BinaryReader(new MemoryStream(stored.ToArray()), Encoding.UTF8);
            reader.ReadByte();
            var storedAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.ReadInt64());
            var tag = reader.ReadString();
            var type = reader.ReadString();
            var headers = new List<KeyValuePair<string, string>>();
            for (var count = reader.ReadByte(); count > 0; count--)
            {
                headers.Add(KeyValuePair.Create(reader.ReadString(), reader.ReadString()));
            }

            var body = reader.ReadBytes((int)(reader.BaseStream.Length - reader.BaseStream.Position));
            return new CachedResponse(tag, type, headers, body, storedAt);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentOutOfRangeException or FormatException)
        {
            return null;
        }
    }

    private static List<KeyValuePair<string, string>> Kept(IHeaderDictionary? headers) =>
        headers is null
            ? []
            : [.. KeptHeaders.Where(headers.ContainsKey).Select(name => KeyValuePair.Create(name, headers[name].ToString()))];
}
