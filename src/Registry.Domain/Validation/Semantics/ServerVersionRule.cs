using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

internal sealed class ServerVersionRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server) =>
        SpecificVersion.Check("version", JsonFields.String(server, "version"));
}
