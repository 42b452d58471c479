using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>One server.json rule of the official registry that a JSON schema cannot express.</summary>
internal interface ISemanticRule
{
    IEnumerable<ValidationIssue> Check(JsonObject server);
}
