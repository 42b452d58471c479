using System.Text.RegularExpressions;

namespace Registry.Domain.Validation.Semantics;

/// <summary>Transport URLs may hold <c>{variables}</c>; these helpers name them and parse the URL around them.</summary>
internal static partial class UrlTemplate
{
    public static IReadOnlyList<string> Variables(string template) =>
        [.. Variable().Matches(template).Select(match => match.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Parses the URL with each variable replaced by a stand-in that keeps its position valid: a number after
    /// the host's ':' (a port), a plain word anywhere else.
    /// </summary>
    public static bool TryParse(string template, out Uri uri)
    {
        var withPorts = PortVariable().Replace(template, ":8080");
        var concrete = Variable().Replace(withPorts, "placeholder");
        return Uri.TryCreate(concrete, UriKind.Absolute, out uri!) && uri.Host.Length > 0;
    }

    public static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;

    [GeneratedRegex(@"\{(?<name>[^{}]+)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"(?<=^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]*):\{[^{}/]+\}(?=[/?#]|$)")]
    private static partial Regex PortVariable();
}
