using Registry.Domain.Validation;
using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class JsonSchemaValidationTests
{
    private const string PackageWithoutVersion = """{"registryType":"npm","identifier":"@user/weather","transport":{"type":"stdio"}}""";

    [Fact]
    public void APackageWithoutVersionIsValidUnderTheOctoberSchemaThatMadeItOptional()
    {
        var document = WithPackage(PackageWithoutVersion);
        document["$schema"] = SchemaUrl("2025-10-17");

        IssueAssert.Empty(Validator.ValidateJsonSchema(document));
    }

    [Fact]
    public void APackageWithoutVersionIsInvalidUnderTheSeptemberSchemaThatRequiredIt()
    {
        var document = WithPackage(PackageWithoutVersion);
        document["$schema"] = SchemaUrl("2025-09-29");

        IssueAssert.Contains(Validator.ValidateJsonSchema(document), "packages[0].version", "schema:required");
    }

    [Fact]
    public void TheJulySchemaWithSnakeCaseFieldsIsUsedWhenNamed()
    {
        const string snakeCasePackage = """{"registry_type":"npm","identifier":"@user/weather","version":"1.0.0","transport":{"type":"stdio"}}""";
        var document = WithPackage(snakeCasePackage);
        document["$schema"] = SchemaUrl("2025-07-09");

        IssueAssert.Empty(Validator.ValidateJsonSchema(document));

        document["$schema"] = ServerJsonValidator.CurrentSchemaUrl;
        IssueAssert.Contains(Validator.ValidateJsonSchema(document), "packages[0].registryType", "schema:required");
    }

    [Fact]
    public void SchemasThatForbidUnknownPackageFieldsNameTheField()
    {
        var document = WithPackage("""{"registryType":"npm","identifier":"@user/weather","version":"1.0.0","transport":{"type":"stdio"},"colour":"blue"}""");
        document["$schema"] = SchemaUrl("2025-09-29");

        var issues = Validator.ValidateJsonSchema(document);

        IssueAssert.Contains(issues, "packages[0].colour", "schema:additionalProperties");
        Assert.Single(issues);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("https://static.modelcontextprotocol.io/schemas/2024-01-01/server.schema.json")]
    [InlineData("not a url")]
    public void AMissingOrUnknownSchemaFallsBackToTheCurrentSchema(string? url)
    {
        var document = WithPackage(PackageWithoutVersion);
        document["$schema"] = url;

        Assert.DoesNotContain(Validator.ValidateJsonSchema(document), issue => issue.Reference == "schema:required");
    }

    [Theory]
    [InlineData("""{"title": 5}""", "title", "schema:type")]
    [InlineData("""{"websiteUrl": "not a url"}""", "websiteUrl", "schema:format")]
    [InlineData("""{"name": "bad name/x"}""", "name", "schema:pattern")]
    [InlineData("""{"icons": [{"src": "https://example.com/i.png", "theme": "blue"}]}""", "icons[0].theme", "schema:enum")]
    [InlineData("""{"icons": [{"theme": "dark"}]}""", "icons[0].src", "schema:required")]
    [InlineData("""{"packages": [{"registryType": "npm", "identifier": "x", "transport": {"type": "streamable-http"}}]}""", "packages[0].transport.url", "schema:required")]
    [InlineData("""{"packages": [{"registryType": "npm", "identifier": "x", "transport": {"type": "websocket"}}]}""", "packages[0].transport", "schema:anyOf")]
    [InlineData("""{"packages": [{"registryType": "npm", "identifier": "x", "fileSha256": "abc", "transport": {"type": "stdio"}}]}""", "packages[0].fileSha256", "schema:pattern")]
    [InlineData("""{"remotes": [{"type": "sse", "url": "https://a.example/sse"}, {"type": "sse", "url": "https://b.example/sse", "headers": [{"value": "x"}]}]}""", "remotes[1].headers[0].name", "schema:required")]
    [InlineData("""{"remotes": [{"type": "sse", "url": "https://a.example/{0}", "variables": {"0": {"isRequired": "yes"}}}]}""", "remotes[0].variables.0.isRequired", "schema:type")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather"}}""", "repository.source", "schema:required")]
    public void SchemaErrorsUseTheOfficialPathStyle(string fields, string path, string reference) =>
        IssueAssert.Contains(Validator.ValidateJsonSchema(With(fields)), path, reference);

    [Fact]
    public void MessagesSayWhatIsExpected()
    {
        var enumIssue = Assert.Single(Validator.ValidateJsonSchema(With("""{"icons": [{"src": "https://example.com/i.png", "theme": "blue"}]}""")));
        Assert.Equal("Value should be one of: \"light\", \"dark\"", enumIssue.Message);

        var requiredIssue = Assert.Single(Validator.ValidateJsonSchema(With("""{"icons": [{"theme": "dark"}]}""")));
        Assert.Equal("Required property \"src\" is not present", requiredIssue.Message);

        var notIssue = Assert.Single(Validator.ValidateJsonSchema(WithPackage("""{"registryType":"npm","identifier":"x","version":"latest","transport":{"type":"stdio"}}""")));
        Assert.Equal("Value \"latest\" is not allowed", notIssue.Message);
    }

    [Fact]
    public void AnUnknownTransportTypeIsOneIssueNamingTheAllowedTransports()
    {
        var issues = Validator.ValidateJsonSchema(WithPackage("""{"registryType":"npm","identifier":"x","transport":{"type":"websocket"}}"""));

        var issue = Assert.Single(issues);
        Assert.Equal("Value does not match any of: StdioTransport, StreamableHttpTransport, SseTransport", issue.Message);
    }

    [Fact]
    public void SchemaIssuesAreErrorsOfTypeSchema()
    {
        var issue = Assert.Single(Validator.ValidateJsonSchema(With("""{"title": 5}""")));

        Assert.Equal((IssueTypes.Schema, IssueSeverities.Error), (issue.Type, issue.Severity));
    }

    [Fact]
    public void AMissingRequiredFieldOfTheDocumentIsReportedAtThatField()
    {
        var document = Minimal();
        document.Remove("description");

        var issue = Assert.Single(Validator.ValidateJsonSchema(document));
        Assert.Equal(("description", "schema:required"), (issue.Path, issue.Reference));
    }

    private static string SchemaUrl(string version) => $"https://static.modelcontextprotocol.io/schemas/{version}/server.schema.json";
}
