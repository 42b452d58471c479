using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>One rule of SPEC §4 that a JSON schema cannot express.</summary>
internal interface ISemanticRule
{
    IEnumerable<ValidationIssue> Check(JsonObject server);
}
