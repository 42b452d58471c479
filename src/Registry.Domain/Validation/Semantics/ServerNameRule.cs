using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Registry.Domain.Validation.Semantics;

/// <summary>
/// A server name is "namespace/name" with exactly one slash; both sides start and end with a letter or digit,
/// so each needs at least two characters. Stricter than the schema pattern, which allows "-a/_".
/// </summary>
internal sealed partial class ServerNameRule : ISemanticRule
{
    private const string Path = "name";

    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        if (JsonFields.String(server, "name") is not { } name)
        {
            yield break;
        }

        var parts = name.Split('/');
        if (parts.Length != 2)
        {
            yield return Invalid($"Server name '{name}' must contain exactly one '/' separating namespace and name (e.g. 'io.github.user/weather')");
            yield break;
        }

        if (!Namespace().IsMatch(parts[0]))
        {
            yield return Invalid($"Namespace '{parts[0]}' must start and end with a letter or digit and contain only letters, digits, '.' and '-'");
        }

        if (!NamePart().IsMatch(parts[1]))
        {
            yield return Invalid($"Name '{parts[1]}' must start and end with a letter or digit and contain only letters, digits, '.', '_' and '-'");
        }
    }

    private static ValidationIssue Invalid(string message) =>
        SemanticIssue.Error(Path, message, SemanticReferences.InvalidServerName);

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]$")]
    private static partial Regex Namespace();

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$")]
    private static partial Regex NamePart();
}
