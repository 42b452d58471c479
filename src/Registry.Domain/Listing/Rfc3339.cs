using System.Globalization;
using System.Text.RegularExpressions;

namespace Registry.Domain.Listing;

/// <summary>Strict RFC 3339 date-time parsing: a zone designator is required, as Go's time.RFC3339 requires.</summary>
public static partial class Rfc3339
{
    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex Shape();

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Shape().Match(text);
        if (!match.Success)
        {
            return false;
        }

        // .NET keeps seven fractional digits; Go accepts nine. Extra digits are below our storage precision anyway.
        var fraction = match.Groups[2].Success ? match.Groups[2].Value[..Math.Min(8, match.Groups[2].Length)] : "";
        var zone = match.Groups[3].Value == "Z" ? "+00:00" : match.Groups[3].Value;
        return DateTimeOffset.TryParseExact(
            match.Groups[1].Value + fraction + zone,
            fraction.Length == 0 ? "yyyy-MM-dd'T'HH:mm:sszzz" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
            CultureInfo.InvariantCulture,
            DateTimeStyles.None,
            out value);
    }
}
