using System.Buffers.Binary;
using System.Text;

namespace Registry.Testing.Fakes;

/// <summary>Builds authoritative answers: the question copied from the query, then TXT records with TTL 0.</summary>
internal static class DnsResponse
{
    public const int NoError = 0;
    public const int FormatError = 1;
    public const int NameError = 3;
    public const int NotImplemented = 4;

    private const ushort ResponseBit = 0x8000;
    private const ushort OpcodeBits = 0x7800;
    private const ushort AuthoritativeBit = 0x0400;
    private const ushort TruncatedBit = 0x0200;
    private const ushort RecursionDesiredBit = 0x0100;
    private const ushort TxtType = 16;
    private const ushort InternetClass = 1;
    private const ushort PointerToQuestionName = 0xC000 | DnsQuery.HeaderLength;
    private const int MaxCharacterString = 255;

    public static byte[] Answer(ReadOnlySpan<byte> request, DnsQuery query, int rcode, IReadOnlyList<string> txtRecords, int? maxLength)
    {
        var question = request[DnsQuery.HeaderLength..query.QuestionEnd];
        using var stream = new MemoryStream();
        WriteHeader(stream, query, rcode, questions: 1, answers: txtRecords.Count, truncated: false);
        stream.Write(question);
        foreach (var record in txtRecords)
        {
            WriteTxtRecord(stream, record);
        }
        if (maxLength is { } limit && stream.Length > limit)
        {
            // Too big for this UDP exchange: the TC bit sends the client over to TCP, as RFC 1035 section 4.2.1 asks.
            stream.SetLength(0);
            WriteHeader(stream, query, rcode, questions: 1, answers: 0, truncated: true);
            stream.Write(question);
        }
        return stream.ToArray();
    }

    public static byte[] FormatErrorFor(ReadOnlySpan<byte> request)
    {
        using var stream = new MemoryStream();
        var header = new DnsQuery(BinaryPrimitives.ReadUInt16BigEndian(request), BinaryPrimitives.ReadUInt16BigEndian(request[2..]), string.Empty, 0, DnsQuery.HeaderLength, 0);
        WriteHeader(stream, header, FormatError, questions: 0, answers: 0, truncated: false);
        return stream.ToArray();
    }

    private static void WriteHeader(Stream stream, DnsQuery query, int rcode, int questions, int answers, bool truncated)
    {
        var flags = (ushort)(ResponseBit | (query.Flags & OpcodeBits) | AuthoritativeBit | (query.Flags & RecursionDesiredBit) | (rcode & 0xF));
        if (truncated)
        {
            flags |= TruncatedBit;
        }
        WriteUInt16(stream, query.Id);
        WriteUInt16(stream, flags);
        WriteUInt16(stream, (ushort)questions);
        WriteUInt16(stream, (ushort)answers);
        WriteUInt16(stream, 0);
        WriteUInt16(stream, 0);
    }

    // A character-string holds at most 255 bytes, so longer text becomes several strings in one RR (RFC 1035 3.3.14).
    private static void WriteTxtRecord(Stream stream, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var chunks = bytes.Chunk(MaxCharacterString).ToArray();
        if (chunks.Length == 0)
        {
            chunks = [[]];
        }
        WriteUInt16(stream, PointerToQuestionName);
        WriteUInt16(stream, TxtType);
        WriteUInt16(stream, InternetClass);
        WriteUInt16(stream, 0);
        WriteUInt16(stream, 0);
        WriteUInt16(stream, (ushort)chunks.Sum(chunk => chunk.Length + 1));
        foreach (var chunk in chunks)
        {
            stream.WriteByte((byte)chunk.Length);
            stream.Write(chunk);
        }
    }

    private static void WriteUInt16(Stream stream, ushort value)
    {
        Span<byte> buffer = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, value);
        stream.Write(buffer);
    }
}
