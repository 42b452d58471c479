using System.Text.RegularExpressions;

namespace Registry.Domain.Validation;

/// <summary>The dated server.json schemas this registry embeds, and how a <c>$schema</c> URL names one of them.</summary>
internal static partial class ServerSchemaVersions
{
    public const string Current = "2025-12-11";

    public static readonly IReadOnlyList<string> Supported =
        ["2025-07-09", "2025-09-16", "2025-09-29", "2025-10-11", "2025-10-17", Current];

    public static string UrlFor(string version) =>
        $"https://static.modelcontextprotocol.io/schemas/{version}/server.schema.json";

    /// <summary>Reads the <c>&lt;id&gt;</c> out of any URL containing <c>/schemas/&lt;id&gt;/server.schema.json</c>.</summary>
    public static bool TryReadVersion(string schemaUrl, out string version)
    {
        var match = VersionInUrl().Match(schemaUrl);
        version = match.Success ? match.Groups["version"].Value : "";
        return match.Success;
    }

    public static bool IsSupported(string version) => Supported.Contains(version, StringComparer.Ordinal);

    [GeneratedRegex(@"/schemas/(?<version>[^/]+)/server\.schema\.json")]
    private static partial Regex VersionInUrl();
}
