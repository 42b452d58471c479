using System.Buffers.Binary;
using System.Text;

namespace Registry.Testing.Fakes;

/// <summary>The parts of an RFC 1035 query that an authoritative answer needs.</summary>
internal readonly record struct DnsQuery(ushort Id, ushort Flags, string Name, ushort Type, int QuestionEnd, int MaxUdpSize)
{
    public const int HeaderLength = 12;
    private const int MinUdpSize = 512;
    private const ushort OptType = 41;

    public int Opcode => (Flags >> 11) & 0xF;

    public static bool TryParse(ReadOnlySpan<byte> message, out DnsQuery query)
    {
        query = default;
        if (message.Length < HeaderLength || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1)
        {
            return false;
        }
        var offset = HeaderLength;
        if (!TryReadName(message, ref offset, out var name) || offset + 4 > message.Length)
        {
            return false;
        }
        var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        offset += 4;
        query = new DnsQuery(
            BinaryPrimitives.ReadUInt16BigEndian(message),
            BinaryPrimitives.ReadUInt16BigEndian(message[2..]),
            name,
            type,
            offset,
            AdvertisedUdpSize(message, offset));
        return true;
    }

    // Question names are never compressed, so a pointer here means a message we do not answer.
    private static bool TryReadName(ReadOnlySpan<byte> message, ref int offset, out string name)
    {
        var builder = new StringBuilder();
        name = string.Empty;
        while (offset < message.Length)
        {
            int length = message[offset++];
            if (length == 0)
            {
                name = builder.ToString();
                return true;
            }
            if (length > 63 || offset + length > message.Length)
            {
                return false;
            }
            if (builder.Length > 0)
            {
                builder.Append('.');
            }
            builder.Append(Encoding.Latin1.GetString(message.Slice(offset, length)));
            offset += length;
        }
        return false;
    }

    // An EDNS OPT record (RFC 6891) in the additional section raises the UDP answer limit above 512 bytes.
    private static int AdvertisedUdpSize(ReadOnlySpan<byte> message, int offset)
    {
        var records = BinaryPrimitives.ReadUInt16BigEndian(message[6..])
            + BinaryPrimitives.ReadUInt16BigEndian(message[8..])
            + BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        var answersAndAuthority = records - BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        for (var index = 0; index < records; index++)
        {
            if (!TrySkipName(message, ref offset) || offset + 10 > message.Length)
            {
                break;
            }
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            var size = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
            if (index >= answersAndAuthority && type == OptType)
            {
                return Math.Max(MinUdpSize, (int)size);
            }
            offset += 10 + BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
        }
        return MinUdpSize;
    }

    private static bool TrySkipName(ReadOnlySpan<byte> message, ref int offset)
    {
        while (offset < message.Length)
        {
            int length = message[offset];
            if (length == 0)
            {
                offset++;
                return true;
            }
            if ((length & 0xC0) == 0xC0)
            {
                offset += 2;
                return true;
            }
            offset += length + 1;
        }
        return false;
    }
}
