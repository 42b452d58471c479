using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Registry.Domain.Validation.Schema;

/// <summary>
/// Evaluates a document against the dated schema its <c>$schema</c> names, or the current one when that is
/// missing or unknown (the version rule reports those cases separately).
/// </summary>
internal sealed class ServerJsonSchemaCheck
{
    // Format is asserted: the draft-07 schemas declare "uri" on URLs and every valid example still passes.
    private static readonly EvaluationOptions Explained = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    /// <summary>Valid or not, nothing more: no result tree is built, so most documents (the valid ones) cost far less.</summary>
    private static readonly EvaluationOptions Verdict = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
    };

    private readonly IReadOnlyDictionary<string, DatedServerSchema> schemas = EmbeddedServerSchemas.LoadAll();

    public IReadOnlyList<ValidationIssue> Check(JsonObject document)
    {
        var schema = schemas[VersionToCheckAgainst(document)];
        using var parsed = JsonDocument.Parse(document.ToJsonString());
        if (schema.Schema.Evaluate(parsed.RootElement, Verdict).IsValid)
        {
            return [];
        }

        return JsonSchemaIssueCollector.Collect(schema, parsed.RootElement, schema.Schema.Evaluate(parsed.RootElement, Explained));
    }

    public static string VersionToCheckAgainst(JsonObject document) =>
        document["$schema"] is JsonValue value
        && value.TryGetValue<string>(out var url)
        && ServerSchemaVersions.TryReadVersion(url, out var version)
        && ServerSchemaVersions.IsSupported(version)
            ? version
            : ServerSchemaVersions.Current;
}
