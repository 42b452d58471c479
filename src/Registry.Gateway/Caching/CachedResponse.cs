using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Registry.Gateway.Caching;

/// <summary>
/// A 200 answer as it is stored and replayed: its strong entity tag, content type, body and when it was stored (which
/// tells fresh from stale; see <see cref="ResponseStore"/>).
/// </summary>
internal sealed record CachedResponse(string EntityTag, string ContentType, byte[] Body, DateTimeOffset StoredAt)
{
    private const byte FormatVersion = 2;
    private const int HeaderBytes = 1 + 8 + 2 + 2;

    public static CachedResponse Create(string? contentType, byte[] body, DateTimeOffset storedAt) =>
        new($"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"", contentType ?? "application/json", body, storedAt);

    /// <summary>Whole seconds since it was stored, as the <c>Age</c> header counts.</summary>
    public long AgeSeconds(DateTimeOffset now) => Math.Max(0, (long)(now - StoredAt).TotalSeconds);

    public byte[] Serialize()
    {
        var tag = Encoding.UTF8.GetBytes(EntityTag);
        var type = Encoding.UTF8.GetBytes(ContentType);
        var buffer = new byte[HeaderBytes + tag.Length + type.Length + Body.Length];
        var span = buffer.AsSpan();
        span[0] = FormatVersion;
        BinaryPrimitives.WriteInt64BigEndian(span[1..], StoredAt.ToUnixTimeMilliseconds());
        BinaryPrimitives.WriteUInt16BigEndian(span[9..], (ushort)tag.Length);
        tag.CopyTo(span[11..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(11 + tag.Length)..], (ushort)type.Length);
        type.CopyTo(span[(13 + tag.Length)..]);
        Body.CopyTo(span[(13 + tag.Length + type.Length)..]);
        return buffer;
    }

    /// <summary>Null for anything not written by <see cref="Serialize"/> of this format version.</summary>
    public static CachedResponse? Deserialize(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < HeaderBytes || stored[0] != FormatVersion)
        {
            return null;
        }

        var storedAt = DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(stored[1..]));
        var tagLength = BinaryPrimitives.ReadUInt16BigEndian(stored[9..]);
        if (stored.Length < HeaderBytes + tagLength)
        {
            return null;
        }

        var typeLength = BinaryPrimitives.ReadUInt16BigEndian(stored[(11 + tagLength)..]);
        var bodyStart = HeaderBytes + tagLength + typeLength;
        if (stored.Length < bodyStart)
        {
            return null;
        }

        return new CachedResponse(
            Encoding.UTF8.GetString(stored.Slice(11, tagLength)),
            Encoding.UTF8.GetString(stored.Slice(13 + tagLength, typeLength)),
            stored[bodyStart..].ToArray(),
            storedAt);
    }
}
