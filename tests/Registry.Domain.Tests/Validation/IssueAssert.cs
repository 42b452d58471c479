using Registry.Domain.Validation;

namespace Registry.Domain.Tests.Validation;

internal static class IssueAssert
{
    public static void Contains(IReadOnlyList<ValidationIssue> issues, string path, string reference, string severity = IssueSeverities.Error) =>
        Assert.True(
            issues.Any(issue => issue.Path == path && issue.Reference == reference && issue.Severity == severity),
            $"Expected {severity} '{reference}' at '{path}', got:{Environment.NewLine}{ServerDocuments.Describe(issues)}");

    public static void NoErrors(IReadOnlyList<ValidationIssue> issues) =>
        Assert.False(ServerJsonValidator.HasErrors(issues), ServerDocuments.Describe(issues));

    public static void Empty(IReadOnlyList<ValidationIssue> issues) =>
        Assert.True(issues.Count == 0, ServerDocuments.Describe(issues));
}
