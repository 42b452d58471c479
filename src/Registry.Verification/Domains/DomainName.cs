using System.Text.RegularExpressions;

namespace Registry.Verification.Domains;

/// <summary>The domain a dns or http login proves, and the namespace it owns (labels reversed).</summary>
public static partial class DomainName
{
    public const int MaxLength = 253;

    [GeneratedRegex(@"^[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?)*$")]
    private static partial Regex Pattern();

    public static bool IsValid(string domain) => domain.Length <= MaxLength && Pattern().IsMatch(domain);

    /// <summary><c>api.example.com</c> → <c>com.example.api</c>.</summary>
    public static string Reverse(string domain) => string.Join('.', domain.Split('.').Reverse());
}
