using System.Text;
using System.Text.Unicode;

namespace Registry.Domain.Requests;

/// <summary>
/// Rules for text that arrives in a request line or a parameter. A NUL character is never part of a name, version,
/// cursor or search term, and PostgreSQL cannot compare or store it, so it is refused before anything looks it up
/// (the official registry refuses NUL in paths and queries with 400 since early 2026).
/// </summary>
public static class RequestText
{
    public static bool HasNul(string? value) => value is not null && value.Contains('\0');

    /// <summary>
    /// The raw request target (path and query as sent, still percent-encoded): the reason it is refused, or null.
    /// Escapes are decoded to bytes first, so <c>%00</c> is a NUL and <c>%FF</c> is not UTF-8.
    /// </summary>
    public static string? TargetProblem(string rawTarget)
    {
        // Most targets escape nothing; their text is already what the route sees.
        if (!rawTarget.Contains('%'))
        {
            return rawTarget.Contains('\0') ? NulInTarget : null;
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(rawTarget.Length);
        var decoded = maxBytes <= 2048 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = PercentDecode(rawTarget, decoded);
        if (decoded[..length].Contains((byte)0))
        {
            return NulInTarget;
        }

        return Utf8.IsValid(decoded[..length]) ? null : "The request path and query must be valid UTF-8 once percent-decoded";
    }

    private const string NulInTarget = "The request path and query must not contain NUL characters";

    /// <summary>Escapes become the bytes they stand for; other characters their UTF-8 bytes.</summary>
    private static int PercentDecode(string raw, Span<byte> into)
    {
        var written = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
            {
                into[written++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else if (raw[i] < 0x80)
            {
                into[written++] = (byte)raw[i];
            }
            else
            {
                var next = char.IsHighSurrogate(raw[i]) && i + 1 < raw.Length ? 2 : 1;
                written += Encoding.UTF8.GetBytes(raw.AsSpan(i, next), into[written..]);
                i += next - 1;
            }
        }

        return written;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
