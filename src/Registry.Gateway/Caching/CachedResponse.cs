using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Registry.Gateway.Caching;

/// <summary>A 200 answer as it is stored and replayed: its strong entity tag, content type and body.</summary>
internal sealed record CachedResponse(string EntityTag, string ContentType, byte[] Body)
{
    private const byte FormatVersion = 1;

    public static CachedResponse Create(string? contentType, byte[] body) =>
        new($"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"", contentType ?? "application/json", body);

    public byte[] Serialize()
    {
        var tag = Encoding.UTF8.GetBytes(EntityTag);
        var type = Encoding.UTF8.GetBytes(ContentType);
        var buffer = new byte[1 + 2 + tag.Length + 2 + type.Length + Body.Length];
        var span = buffer.AsSpan();
        span[0] = FormatVersion;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)tag.Length);
        tag.CopyTo(span[3..]);
        BinaryPrimitives.WriteUInt16BigEndian(span[(3 + tag.Length)..], (ushort)type.Length);
        type.CopyTo(span[(5 + tag.Length)..]);
        Body.CopyTo(span[(5 + tag.Length + type.Length)..]);
        return buffer;
    }

    /// <summary>Null for anything not written by <see cref="Serialize"/> of this format version.</summary>
    public static CachedResponse? Deserialize(ReadOnlySpan<byte> stored)
    {
        if (stored.Length < 5 || stored[0] != FormatVersion)
        {
            return null;
        }

        var tagLength = BinaryPrimitives.ReadUInt16BigEndian(stored[1..]);
        if (stored.Length < 5 + tagLength)
        {
            return null;
        }

        var typeLength = BinaryPrimitives.ReadUInt16BigEndian(stored[(3 + tagLength)..]);
        var bodyStart = 5 + tagLength + typeLength;
        if (stored.Length < bodyStart)
        {
            return null;
        }

        return new CachedResponse(
            Encoding.UTF8.GetString(stored.Slice(3, tagLength)),
            Encoding.UTF8.GetString(stored.Slice(5 + tagLength, typeLength)),
            stored[bodyStart..].ToArray());
    }
}
