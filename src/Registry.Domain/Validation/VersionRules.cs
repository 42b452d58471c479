using System.Text.RegularExpressions;

namespace Registry.Domain.Validation;

/// <summary>
/// What a server or package version may not be: empty or only whitespace, padded with whitespace,
/// holding control characters (a newline or a tab is never part of a version, and a client could not show it), the
/// reserved word "latest", or anything that reads as a range rather than one specific version. Everything else is
/// accepted, including non-semver like "2024-01-01".
/// </summary>
public static partial class VersionRules
{
    public const string Reserved = "latest";

    public static bool IsReserved(string v) => v == Reserved;

    public static bool IsBlank(string v) => string.IsNullOrWhiteSpace(v);

    public static bool IsPadded(string v) => v.Length > 0 && (char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[^1]));

    public static bool HasControlCharacters(string v) => v.Any(char.IsControl);

    public static bool LooksLikeRange(string v)
    {
        var trimmed = v.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        return StartsWithComparator().IsMatch(trimmed)
            || trimmed.Contains("||", StringComparison.Ordinal)
            || HyphenRange().IsMatch(trimmed)
            || Wildcard().IsMatch(trimmed);
    }

    [GeneratedRegex(@"^(\^|~|>=|<=|>|<|=)")]
    private static partial Regex StartsWithComparator();

    // Whitespace around the dash is what separates "1.0 - 2.0" from a prerelease such as "1.0.0-beta".
    [GeneratedRegex(@"^v?\d+(\.\d+){0,3}(-[0-9A-Za-z.-]+)?\s+-\s*v?\d+(\.\d+){0,3}(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex HyphenRange();

    // A wildcard alone or dotted forms where at least one part is a wildcard: *, x, 1.x, 1.*, 1.2.X, x.1 ...
    [GeneratedRegex(@"^v?(?=[^-]*[xX*])(\d+|[xX*])(\.(\d+|[xX*])){0,3}(-[0-9A-Za-z.-]+)?$")]
    private static partial Regex Wildcard();
}
