using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>Both argument lists of a package, each argument with the path it is reported under.</summary>
internal static class PackageArguments
{
    private static readonly string[] Lists = ["runtimeArguments", "packageArguments"];

    public static IEnumerable<(string Path, JsonObject Argument)> Of(string packagePath, JsonObject package) =>
        Lists.SelectMany(list => JsonFields.Objects(package, list)
            .Select(item => (IssuePath.Item(IssuePath.Property(packagePath, list), item.Index), item.Item)));
}
