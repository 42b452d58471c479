using System.Text.Json.Nodes;
using Registry.Domain.Validation.Schema;
using Registry.Domain.Validation.Semantics;

namespace Registry.Domain.Validation;

/// <summary>
/// Validates server.json documents for publish, edit and POST /validate. Construct once and share: the embedded
/// dated schemas are compiled in the constructor, and every method is pure and safe to call concurrently.
/// </summary>
public sealed class ServerJsonValidator
{
    public const string CurrentSchemaUrl = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    private readonly ServerJsonSchemaCheck schemaCheck = new();

    public static IReadOnlyList<string> SupportedSchemaVersions => ServerSchemaVersions.Supported;

    /// <summary>The <c>$schema</c> rule: required, must name a supported dated schema; an older one is a warning.</summary>
    public IReadOnlyList<ValidationIssue> ValidateSchemaVersion(JsonObject document) => SchemaVersionRule.Check(document);

    /// <summary>The JSON schema named by <c>$schema</c>, or the current one when that is missing or unknown.</summary>
    public IReadOnlyList<ValidationIssue> ValidateJsonSchema(JsonObject document) => schemaCheck.Check(document);

    public IReadOnlyList<ValidationIssue> ValidateSemantics(JsonObject document) => SemanticChecks.Check(document);

    /// <summary>Version rule, JSON schema and semantics in that order; an identical finding is listed once.</summary>
    public IReadOnlyList<ValidationIssue> ValidateAll(JsonObject document) =>
    [
        .. ValidateSchemaVersion(document)
            .Concat(ValidateJsonSchema(document))
            .Concat(ValidateSemantics(document))
            .DistinctBy(issue => (issue.Path, issue.Reference, issue.Message)),
    ];

    public static bool HasErrors(IEnumerable<ValidationIssue> issues) =>
        issues.Any(issue => issue.Severity == IssueSeverities.Error);
}
