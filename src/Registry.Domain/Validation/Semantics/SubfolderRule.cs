using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Registry.Domain.Validation.Semantics;

/// <summary>A repository subfolder is a clean relative path: no leading or trailing '/', no empty, '.' or '..' segments.</summary>
internal sealed partial class SubfolderRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        var subfolder = JsonFields.String(JsonFields.Object(server, "repository"), "subfolder");
        if (string.IsNullOrEmpty(subfolder) || IsCleanRelativePath(subfolder))
        {
            yield break;
        }

        yield return SemanticIssue.Error(
            "repository.subfolder",
            $"Subfolder '{subfolder}' must be a relative path of letters, digits, '-', '_', '.' and '/' without leading or trailing '/', empty, '.' or '..' segments",
            SemanticReferences.InvalidSubfolder);
    }

    private static bool IsCleanRelativePath(string path) =>
        PathCharacters().IsMatch(path) && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    [GeneratedRegex(@"^[a-zA-Z0-9\-_./]+$")]
    private static partial Regex PathCharacters();
}
