namespace Registry.Domain.Validation.Semantics;

/// <summary>Checks one version field, of the server or of a package, against <see cref="VersionRules"/>.</summary>
internal static class SpecificVersion
{
    public static IEnumerable<ValidationIssue> Check(string path, string? version)
    {
        if (version is null)
        {
            yield break;
        }

        if (VersionRules.IsBlank(version))
        {
            yield return SemanticIssue.Error(path, "Version must not be empty or only whitespace", SemanticReferences.BlankVersion);
        }
        else if (VersionRules.HasControlCharacters(version))
        {
            yield return SemanticIssue.Error(path, "Version must not contain control characters (such as a newline or a tab)", SemanticReferences.VersionHasControlCharacters);
        }
        else if (VersionRules.IsPadded(version))
        {
            yield return SemanticIssue.Error(path, $"Version '{version}' must not begin or end with whitespace", SemanticReferences.PaddedVersion);
        }
        else if (VersionRules.IsReserved(version))
        {
            yield return SemanticIssue.Error(path, $"Version '{version}' is reserved; publish a specific version", SemanticReferences.ReservedVersion);
        }
        else if (VersionRules.LooksLikeRange(version))
        {
            yield return SemanticIssue.Error(path, $"Version '{version}' looks like a range; publish one specific version (e.g. '1.2.3')", SemanticReferences.VersionLooksLikeRange);
        }
    }
}
