namespace Registry.Domain.Validation.Semantics;

internal static class SemanticIssue
{
    public static ValidationIssue Error(string path, string message, string reference) =>
        new(IssueTypes.Semantic, path, message, IssueSeverities.Error, reference);
}
