using System.Text.Json.Nodes;
using Registry.Domain.Errors;
using Registry.Domain.Validation;

namespace Registry.Publish.Publishing;

/// <summary>The two validation gates of a write, with the official status codes.</summary>
public sealed class DocumentChecks(ServerJsonValidator validator)
{
    /// <summary>
    /// Gate one, before the token is looked at: the document must satisfy the JSON schema it names (422 with one
    /// entry per violation). The official registry checks only its request struct here; we check the whole schema.
    /// </summary>
    public void RequireSchemaValid(JsonObject document)
    {
        var errors = validator.ValidateJsonSchema(document).Where(i => i.Severity == IssueSeverities.Error).ToList();
        if (errors.Count > 0)
        {
            throw RegistryErrors.ValidationFailed(errors
                .Select(i => new ErrorDetail(i.Message, i.Path.Length == 0 ? "body" : "body." + i.Path))
                .ToArray());
        }
    }

    /// <summary>Gate two, once the caller is authorised: the schema-version rule and the semantic rules.</summary>
    public void RequireSemanticallyValid(JsonObject document, WriteOperation operation)
    {
        var issues = validator.ValidateSchemaVersion(document).Concat(validator.ValidateSemantics(document)).ToList();
        if (ServerJsonValidator.HasErrors(issues))
        {
            throw RegistryErrors.InvalidDocument(operation,
                issues.Where(i => i.Severity == IssueSeverities.Error).Select(i => new ErrorDetail(i.Message, "body." + i.Path)).ToArray());
        }
    }
}
