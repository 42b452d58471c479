using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>
/// A named argument's name is the bare flag ("--port"). Characters such as '&lt;', '$' or a space, or a value
/// that repeats the flag, show the publisher folded the value or a description into the name.
/// </summary>
internal sealed class NamedArgumentRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server) =>
        JsonFields.Objects(server, "packages")
            .SelectMany(package => PackageArguments.Of(IssuePath.Item("packages", package.Index), package.Item))
            .Where(argument => JsonFields.String(argument.Argument, "type") == "named")
            .SelectMany(argument => CheckNamed(argument.Path, argument.Argument));

    private static IEnumerable<ValidationIssue> CheckNamed(string path, JsonObject argument)
    {
        var namePath = IssuePath.Property(path, "name");
        if (JsonFields.IsMissingOrEmpty(argument, "name"))
        {
            yield return SemanticIssue.Error(namePath, "A named argument needs a name (the flag, e.g. '--port')", SemanticReferences.NamedArgumentNameMissing);
            yield break;
        }

        if (JsonFields.String(argument, "name") is not { } name)
        {
            yield break;
        }

        if (name.Any(c => c is '<' or '>' or '$' || char.IsWhiteSpace(c)))
        {
            yield return SemanticIssue.Error(namePath, $"Argument name '{name}' must be the bare flag, without '<', '>', '$' or spaces", SemanticReferences.InvalidArgumentName);
        }

        if (JsonFields.String(argument, "value") is { } value && value.StartsWith(name, StringComparison.Ordinal))
        {
            yield return SemanticIssue.Error(IssuePath.Property(path, "value"), $"Value '{value}' must not repeat the argument name '{name}'", SemanticReferences.ArgumentValueStartsWithName);
        }

        if (JsonFields.String(argument, "default") is { } fallback && fallback.StartsWith(name, StringComparison.Ordinal))
        {
            yield return SemanticIssue.Error(IssuePath.Property(path, "default"), $"Default '{fallback}' must not repeat the argument name '{name}'", SemanticReferences.ArgumentDefaultStartsWithName);
        }
    }
}
