using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

internal sealed class IconSourceRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        foreach (var (index, icon) in JsonFields.Objects(server, "icons"))
        {
            if (JsonFields.String(icon, "src") is { } src && !HttpsUrl.IsValid(src))
            {
                yield return SemanticIssue.Error(
                    IssuePath.Property(IssuePath.Item("icons", index), "src"),
                    $"Icon src '{src}' must be an absolute https URL",
                    SemanticReferences.IconSrcNotHttps);
            }
        }
    }
}
