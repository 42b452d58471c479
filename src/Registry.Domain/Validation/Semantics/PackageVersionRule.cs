using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

internal sealed class PackageVersionRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server) =>
        JsonFields.Objects(server, "packages").SelectMany(package =>
            SpecificVersion.Check(IssuePath.Property(IssuePath.Item("packages", package.Index), "version"), JsonFields.String(package.Item, "version")));
}
