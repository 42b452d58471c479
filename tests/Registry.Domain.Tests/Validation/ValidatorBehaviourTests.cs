using System.Text.Json.Nodes;
using Registry.Domain.Validation;
using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class ValidatorBehaviourTests
{
    [Fact]
    public void ValidateAllListsTheVersionRuleThenTheSchemaThenTheSemantics()
    {
        var document = With("""{"$schema": "https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json", "name": "a_b/c", "version": "latest"}""");

        var issues = Validator.ValidateAll(document);

        Assert.Equal(["schema-version-deprecated", "schema:pattern", "invalid-server-name", "invalid-server-name", "reserved-version"], issues.Select(issue => issue.Reference));
    }

    [Fact]
    public void WarningsAloneAreNotErrors()
    {
        var document = Minimal();
        document["$schema"] = "https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json";

        var issues = Validator.ValidateAll(document);

        Assert.Single(issues);
        Assert.False(ServerJsonValidator.HasErrors(issues));
    }

    [Theory]
    [InlineData("""{"name": 5, "version": [], "title": {}, "websiteUrl": 1, "repository": "github", "icons": "x"}""")]
    [InlineData("""{"packages": [1, null, {"transport": "stdio", "packageArguments": "x", "identifier": 3, "version": 1}]}""")]
    [InlineData("""{"packages": [{"transport": {"type": 1, "url": 2}, "runtimeArguments": [null, 1, {"type": "named", "name": 7}]}]}""")]
    [InlineData("""{"packages": [{"transport": {"type": "sse", "url": 2}, "environmentVariables": [{"name": 1}]}]}""")]
    [InlineData("""{"remotes": {"type": "sse"}, "icons": [null, {"src": 1}]}""")]
    [InlineData("""{"remotes": [null, {"type": "sse", "url": 3, "variables": []}, {"type": ["sse"], "url": "https://example.com/sse"}]}""")]
    public void FieldsOfTheWrongTypeAreLeftToTheSchemaAndNeverCrashTheSemantics(string fields)
    {
        var document = With(fields);

        IssueAssert.Empty(Validator.ValidateSemantics(document));
        Assert.True(ServerJsonValidator.HasErrors(Validator.ValidateAll(document)));
    }

    [Fact]
    public void OneValidatorServesManyThreadsWithTheSameAnswers()
    {
        var documents = ExampleFiles.Names("Valid").Select(name => ExampleFiles.Load("Valid", name).ToJsonString())
            .Concat(ExampleFiles.Names("Invalid").Select(name => ExampleFiles.Load("Invalid", name).ToJsonString()))
            .ToArray();
        var expected = documents.Select(Describe).ToArray();

        var actual = new string[documents.Length * 8];
        Parallel.For(0, actual.Length, i => actual[i] = Describe(documents[i % documents.Length]));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % documents.Length], actual[i]);
        }

        static string Describe(string json) => ServerDocuments.Describe(Validator.ValidateAll(JsonNode.Parse(json)!.AsObject()));
    }
}
