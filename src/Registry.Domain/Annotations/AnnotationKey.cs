using System.Text.RegularExpressions;
using Registry.Domain.Errors;

namespace Registry.Domain.Annotations;

/// <summary>
/// An annotation key is a reverse-DNS namespace the operator holds, a slash and a name, with the characters of a
/// server name (<c>com.acme.registry/review</c>). The registry's own namespace is reserved for its official metadata.
/// </summary>
public static partial class AnnotationKey
{
    public const int MaxLength = 200;

    public const string ReservedNamespace = "io.modelcontextprotocol.registry";

    /// <summary>Why <paramref name="key"/> is not a key, or null when it is one.</summary>
    public static string? Problem(string key)
    {
        if (key.Length == 0)
        {
            return "annotation key is required";
        }

        if (key.Length > MaxLength)
        {
            return $"annotation key must not exceed {MaxLength} characters";
        }

        var parts = key.Split('/');
        if (parts.Length != 2 || !Namespace().IsMatch(parts[0]) || !parts[0].Contains('.') || !Name().IsMatch(parts[1]))
        {
            return $"annotation key '{key}' must be a reverse-DNS namespace, '/' and a name (e.g. 'com.acme.registry/review'), " +
                "each starting and ending with a letter or digit";
        }

        return string.Equals(parts[0], ReservedNamespace, StringComparison.OrdinalIgnoreCase)
            ? $"the annotation namespace '{ReservedNamespace}/' is reserved for the registry's official metadata"
            : null;
    }

    public static void Require(string key)
    {
        if (Problem(key) is { } problem)
        {
            throw RegistryErrors.InvalidAnnotationKey(problem);
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]$")]
    private static partial Regex Namespace();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$")]
    private static partial Regex Name();
}
