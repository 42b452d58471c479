using Registry.Domain.Validation;
using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class SchemaVersionRuleTests
{
    private const string SchemaUrlPattern = "https://static.modelcontextprotocol.io/schemas/{0}/server.schema.json";

    [Fact]
    public void TheSixDatedSchemasAreSupportedAndTheLatestIsCurrent()
    {
        Assert.Equal(["2025-07-09", "2025-09-16", "2025-09-29", "2025-10-11", "2025-10-17", "2025-12-11"], ServerJsonValidator.SupportedSchemaVersions);
        Assert.Equal(ServerJsonValidator.CurrentSchemaUrl, string.Format(SchemaUrlPattern, "2025-12-11"));
    }

    [Fact]
    public void TheCurrentSchemaIsAcceptedSilently() => IssueAssert.Empty(Validator.ValidateSchemaVersion(Minimal()));

    [Theory]
    [InlineData("2025-07-09")]
    [InlineData("2025-09-16")]
    [InlineData("2025-09-29")]
    [InlineData("2025-10-11")]
    [InlineData("2025-10-17")]
    public void AnOlderSupportedSchemaIsOnlyAWarningThatPointsAtTheCurrentOne(string version)
    {
        var issues = Validator.ValidateSchemaVersion(WithSchema(string.Format(SchemaUrlPattern, version)));

        var issue = Assert.Single(issues);
        Assert.Equal(("$schema", "schema-version-deprecated", IssueSeverities.Warning, IssueTypes.Schema), (issue.Path, issue.Reference, issue.Severity, issue.Type));
        Assert.Contains(ServerJsonValidator.CurrentSchemaUrl, issue.Message);
        Assert.False(ServerJsonValidator.HasErrors(issues));
    }

    [Theory]
    [InlineData("https://static.modelcontextprotocol.io/schemas/2024-01-01/server.schema.json", "schema-version-not-available")]
    [InlineData("https://static.modelcontextprotocol.io/schemas/draft/server.schema.json", "schema-version-not-available")]
    [InlineData("not a url", "schema-url-invalid")]
    [InlineData("https://example.com/server.json", "schema-url-invalid")]
    [InlineData("", "schema-field-required")]
    [InlineData("   ", "schema-field-required")]
    public void AnUnusableSchemaUrlIsAnError(string url, string reference) =>
        IssueAssert.Contains(Validator.ValidateSchemaVersion(WithSchema(url)), "$schema", reference);

    [Fact]
    public void AMissingSchemaIsAnError()
    {
        var document = Minimal();
        document.Remove("$schema");

        IssueAssert.Contains(Validator.ValidateSchemaVersion(document), "$schema", "schema-field-required");
    }

    [Fact]
    public void ASchemaThatIsNotAStringIsAnError() =>
        IssueAssert.Contains(Validator.ValidateSchemaVersion(With("""{"$schema": 2025}""")), "$schema", "schema-url-invalid");

    private static System.Text.Json.Nodes.JsonObject WithSchema(string url)
    {
        var document = Minimal();
        document["$schema"] = url;
        return document;
    }
}
