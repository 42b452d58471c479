using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

internal sealed class PackageIdentifierRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        foreach (var (index, package) in JsonFields.Objects(server, "packages"))
        {
            if (JsonFields.String(package, "identifier") is { } identifier && identifier.Any(char.IsWhiteSpace))
            {
                yield return SemanticIssue.Error(
                    IssuePath.Property(IssuePath.Item("packages", index), "identifier"),
                    $"Package identifier '{identifier}' must not contain spaces",
                    SemanticReferences.IdentifierContainsSpaces);
            }
        }
    }
}
