using System.Text.Json;
using Json.Schema;

namespace Registry.Domain.Validation.Schema;

/// <summary>
/// Walks a hierarchical evaluation result and collects its issues. Only failing nodes are entered, so failures
/// inside a satisfied anyOf or inside a "not" never surface. A failed anyOf/oneOf is reported once at its own
/// location, unless exactly one alternative agrees with the instance's "type": then that alternative's own
/// errors are the useful ones (a streamable-http transport missing its url says so, not "matches none of 3").
/// </summary>
/// <remarks>
/// The hierarchical output is used rather than the flat list because the list cannot tell a failure that
/// matters from one inside a satisfied anyOf, and JsonSchema.Net 8 attaches no message to a failed anyOf or not.
/// </remarks>
internal sealed class JsonSchemaIssueCollector(DatedServerSchema schema, JsonElement instance)
{
    private readonly SchemaIssueDescriber describer = new(schema, instance);
    private readonly List<ValidationIssue> issues = [];

    public static IReadOnlyList<ValidationIssue> Collect(DatedServerSchema schema, JsonElement instance, EvaluationResults root)
    {
        var collector = new JsonSchemaIssueCollector(schema, instance);
        collector.Visit(root);
        return collector.issues;
    }

    private void Visit(EvaluationResults node)
    {
        if (node.IsValid)
        {
            return;
        }

        var before = issues.Count;
        foreach (var (key, message) in (node.Errors ?? []).Where(error => !IsApplicator(error.Key)))
        {
            // A false subschema (additionalProperties: false) reports under an empty key.
            var keyword = key.Length == 0 ? PointerSegments.Last(node.EvaluationPath) : key;
            issues.AddRange(describer.Describe(node, keyword, message));
        }

        foreach (var group in (node.Details ?? []).GroupBy(child => KeywordBetween(node, child)))
        {
            switch (group.Key)
            {
                case "anyOf" or "oneOf":
                    VisitAlternatives(node, group.Key, [.. group]);
                    break;
                case "not":
                    if (group.Any(child => child.IsValid))
                    {
                        issues.AddRange(describer.Describe(node, "not", ""));
                    }

                    break;
                default:
                    foreach (var child in group)
                    {
                        Visit(child);
                    }

                    break;
            }
        }

        if (issues.Count == before)
        {
            issues.Add(describer.Issue(node, "Value does not satisfy the schema", "invalid"));
        }
    }

    private void VisitAlternatives(EvaluationResults node, string keyword, IReadOnlyList<EvaluationResults> branches)
    {
        var passing = branches.Count(branch => branch.IsValid);
        if (passing == 1 || (keyword == "anyOf" && passing > 1))
        {
            return;
        }

        if (passing > 1)
        {
            issues.Add(describer.Issue(node, "Value matches more than one of the allowed alternatives", keyword));
            return;
        }

        var typeLocation = $"{node.InstanceLocation}/type";
        var intended = branches.Where(branch => !FailsAt(branch, typeLocation)).ToList();
        if (intended.Count == 1)
        {
            Visit(intended[0]);
            return;
        }

        issues.Add(describer.Issue(node, AlternativesMessage(branches), keyword));
    }

    private string AlternativesMessage(IReadOnlyList<EvaluationResults> branches)
    {
        var names = branches.Select(ReferencedDefinition).ToList();
        if (names.All(name => name is not null))
        {
            return $"Value does not match any of: {string.Join(", ", names)}";
        }

        var reasons = branches.Select((branch, i) => SingleReason(branch) ?? $"alternative {i + 1} does not match");
        return $"Value does not match any allowed alternative ({string.Join("; ", reasons)})";
    }

    private string? SingleReason(EvaluationResults branch)
    {
        var nested = new JsonSchemaIssueCollector(schema, instance);
        nested.Visit(branch);
        return nested.issues.Count == 1 ? nested.issues[0].Message : null;
    }

    private static bool FailsAt(EvaluationResults node, string instanceLocation) =>
        !node.IsValid
        && (node.InstanceLocation.ToString() == instanceLocation || (node.Details ?? []).Any(child => FailsAt(child, instanceLocation)));

    // The library's own messages for these would only restate what the branches below already say.
    private static bool IsApplicator(string keyword) => keyword is "anyOf" or "oneOf" or "not";

    private static string? ReferencedDefinition(EvaluationResults branch) =>
        (branch.Details ?? []).FirstOrDefault(child => KeywordBetween(branch, child) == "$ref")?.SchemaLocation.Fragment.Split('/')[^1];

    private static string KeywordBetween(EvaluationResults parent, EvaluationResults child) =>
        child.EvaluationPath.SegmentCount > parent.EvaluationPath.SegmentCount
            ? PointerSegments.At(child.EvaluationPath, parent.EvaluationPath.SegmentCount)
            : "";
}
