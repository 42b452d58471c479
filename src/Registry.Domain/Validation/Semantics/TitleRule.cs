using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

internal sealed class TitleRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        if (JsonFields.String(server, "title") is { } title && string.IsNullOrWhiteSpace(title))
        {
            yield return SemanticIssue.Error("title", "Title must not be empty or only whitespace", SemanticReferences.BlankTitle);
        }
    }
}
