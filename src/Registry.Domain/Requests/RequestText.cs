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
        var decoded = PercentDecode(rawTarget);
        if (decoded.Contains((byte)0))
        {
            return "The request path and query must not contain NUL characters";
        }

        return Utf8.IsValid(decoded) ? null : "The request path and query must be valid UTF-8 once percent-decoded";
    }

    private static byte[] PercentDecode(string raw)
    {
        var bytes = new List<byte>(raw.Length);
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '%' && i + 2 < raw.Length && Uri.IsHexDigit(raw[i + 1]) && Uri.IsHexDigit(raw[i + 2]))
            {
                bytes.Add((byte)Convert.ToInt32(raw.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (raw[i] < 0x80)
            {
                bytes.Add((byte)raw[i]);
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(raw[i].ToString()));
            }
        }

        return [.. bytes];
    }
}
