using Registry.Domain.Requests;

namespace Registry.Domain.Names;

/// <summary>
/// Server names contain a slash, so clients send them URL-encoded (<c>io.github.user%2Fweather</c>); the route
/// hands the segment over still encoded. Versions may carry encoded build metadata (<c>1.0.0%2B20130313</c>).
/// A segment that decodes to nothing or to a NUL character is not a valid encoding of a name or version.
/// </summary>
public static class PathParameter
{
    public static bool TryDecode(string raw, out string decoded)
    {
        decoded = string.Empty;
        if (HasMalformedEscape(raw))
        {
            return false;
        }

        decoded = Uri.UnescapeDataString(raw);
        return decoded.Length > 0 && !RequestText.HasNul(decoded);
    }

    private static bool HasMalformedEscape(string raw)
    {
        for (var i = raw.IndexOf('%'); i >= 0; i = raw.IndexOf('%', i + 1))
        {
            if (i + 2 >= raw.Length || !Uri.IsHexDigit(raw[i + 1]) || !Uri.IsHexDigit(raw[i + 2]))
            {
                return true;
            }
        }

        return false;
    }
}
