using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Registry.Domain.Errors;

namespace Registry.Domain.Search;

/// <summary>
/// The opaque cursor of a ranked search: the last entry's score and name, and a fingerprint of the search, in
/// base64url. Scores are rounded to four decimals by the query, so they compare exactly when passed back.
/// </summary>
public static class SearchCursor
{
    private const string Prefix = "s1";

    public static string Encode(SearchPosition position, string fingerprint)
    {
        var text = string.Join('\n', Prefix, fingerprint, position.Score.ToString(CultureInfo.InvariantCulture), position.Name);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static SearchPosition Decode(string cursor, string fingerprint)
    {
        var parts = TryReadText(cursor)?.Split('\n', 4);
        if (parts is not [Prefix, var issuedFor, var scoreText, var name]
            || name.Length == 0
            || !decimal.TryParse(scoreText, NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail("invalid cursor", "query.cursor", cursor));
        }

        return issuedFor == fingerprint
            ? new SearchPosition(score, name)
            : throw RegistryErrors.ValidationFailed(new ErrorDetail(
                "cursor belongs to another search: pass the same q and filters with it", "query.cursor", cursor));
    }

    public static string Fingerprint(params string?[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "\u0000"))));
        return Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }

    private static string? TryReadText(string cursor)
    {
        if (cursor.Length > 2048)
        {
            return null;
        }

        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        var bytes = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64, bytes, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
