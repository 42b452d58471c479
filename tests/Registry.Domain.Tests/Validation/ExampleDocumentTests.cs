using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class ExampleDocumentTests
{
    public static IEnumerable<object[]> ValidExamples => ExampleFiles.Names("Valid").Select(name => new object[] { name });

    public static IEnumerable<object[]> InvalidExamples => ExampleFiles.Names("Invalid").Select(name => new object[] { name });

    [Fact]
    public void AllFifteenPublishedExamplesAreCovered() => Assert.Equal(15, ValidExamples.Count());

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void EveryPublishedExampleValidatesWithoutAnyIssue(string file) =>
        IssueAssert.Empty(Validator.ValidateAll(ExampleFiles.Load("Valid", file)));

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void EveryInvalidExampleHasErrorsAmongThemTheMissingSchemaField(string file)
    {
        var issues = Validator.ValidateAll(ExampleFiles.Load("Invalid", file));

        IssueAssert.Contains(issues, "$schema", "schema-field-required");
        Assert.Contains(issues, issue => issue.Path != "$schema" && issue.Severity == "error");
    }

    [Theory]
    [InlineData("bad-name-pattern.json", "name", "schema:pattern")]
    [InlineData("bad-name-pattern.json", "name", "invalid-server-name")]
    [InlineData("description-too-long.json", "description", "schema:maxLength")]
    [InlineData("missing-name.json", "name", "schema:required")]
    [InlineData("package-version-latest.json", "packages[0].version", "schema:not")]
    [InlineData("package-version-latest.json", "packages[0].version", "reserved-version")]
    [InlineData("positional-argument-missing-value.json", "packages[0].packageArguments[0]", "schema:anyOf")]
    public void EachInvalidExampleIsReportedWhereItsFaultIs(string file, string path, string reference) =>
        IssueAssert.Contains(Validator.ValidateAll(ExampleFiles.Load("Invalid", file)), path, reference);

    [Fact]
    public void DescriptionTooLongSaysWhatTheLimitIs()
    {
        var issues = Validator.ValidateJsonSchema(ExampleFiles.Load("Invalid", "description-too-long.json"));

        var issue = Assert.Single(issues);
        Assert.Equal("Value should be at most 100 characters", issue.Message);
    }

    [Fact]
    public void APositionalArgumentWithoutValueOrHintIsOneIssueNamingBothWaysToFixIt()
    {
        var issues = Validator.ValidateJsonSchema(ExampleFiles.Load("Invalid", "positional-argument-missing-value.json"));

        var issue = Assert.Single(issues);
        Assert.Contains("valueHint", issue.Message);
        Assert.Contains("\"value\"", issue.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidExamples))]
    public void ValidateAllNeverListsTheSameFindingTwice(string file)
    {
        var issues = Validator.ValidateAll(ExampleFiles.Load("Invalid", file));

        Assert.Equal(issues.Count, issues.DistinctBy(issue => (issue.Path, issue.Reference, issue.Message)).Count());
    }
}
