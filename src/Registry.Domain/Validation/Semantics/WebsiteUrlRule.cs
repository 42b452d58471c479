using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

internal sealed class WebsiteUrlRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        if (JsonFields.String(server, "websiteUrl") is { } url && !HttpsUrl.IsValid(url))
        {
            yield return SemanticIssue.Error("websiteUrl", $"websiteUrl '{url}' must be an absolute https URL", SemanticReferences.WebsiteUrlNotHttps);
        }
    }
}
