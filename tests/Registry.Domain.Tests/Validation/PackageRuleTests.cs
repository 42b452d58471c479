using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class PackageRuleTests
{
    [Theory]
    [InlineData("""{"identifier": "@user/my weather"}""", "packages[0].identifier", "identifier-contains-spaces")]
    [InlineData("""{"version": "latest"}""", "packages[0].version", "reserved-version")]
    [InlineData("""{"version": ">=1.0"}""", "packages[0].version", "version-looks-like-range")]
    [InlineData("""{"version": "1.0 - 2.0"}""", "packages[0].version", "version-looks-like-range")]
    [InlineData("""{"packageArguments": [{"type": "named"}]}""", "packages[0].packageArguments[0].name", "named-argument-name-missing")]
    [InlineData("""{"packageArguments": [{"type": "named", "name": ""}]}""", "packages[0].packageArguments[0].name", "named-argument-name-missing")]
    [InlineData("""{"packageArguments": [{"type": "named", "name": "--dir <path>"}]}""", "packages[0].packageArguments[0].name", "invalid-argument-name")]
    [InlineData("""{"packageArguments": [{"type": "named", "name": "--port 8080"}]}""", "packages[0].packageArguments[0].name", "invalid-argument-name")]
    [InlineData("""{"runtimeArguments": [{"type": "positional", "value": "x"}, {"type": "named", "name": "--env=$HOME"}]}""", "packages[0].runtimeArguments[1].name", "invalid-argument-name")]
    [InlineData("""{"packageArguments": [{"type": "named", "name": "--port", "value": "--port=8080"}]}""", "packages[0].packageArguments[0].value", "argument-value-starts-with-name")]
    [InlineData("""{"packageArguments": [{"type": "named", "name": "--port", "default": "--port 8080"}]}""", "packages[0].packageArguments[0].default", "argument-default-starts-with-name")]
    public void ABrokenPackageFieldIsReportedAtThatField(string fields, string path, string reference) =>
        IssueAssert.Contains(Validator.ValidateSemantics(WithPackageFields(fields)), path, reference);

    [Theory]
    [InlineData("""{"identifier": "@user/weather"}""")]
    [InlineData("""{"version": "1.0.0+build.7"}""")]
    [InlineData("""{"packageArguments": [{"type": "named", "name": "--port", "value": "8080", "default": "3000"}]}""")]
    [InlineData("""{"packageArguments": [{"type": "positional", "valueHint": "path with space", "value": "$HOME"}]}""")]
    [InlineData("""{"runtimeArguments": [{"type": "named", "name": "-v", "value": "/data:/data"}]}""")]
    public void AWellFormedPackageFieldPasses(string fields) =>
        IssueAssert.Empty(Validator.ValidateSemantics(WithPackageFields(fields)));

    [Fact]
    public void ACargoPackagePassesTheSchemaAndEveryRule() =>
        IssueAssert.Empty(Validator.ValidateAll(WithPackageFields(
            """{"registryType": "cargo", "registryBaseUrl": "https://crates.registry.example", "identifier": "weather-mcp", "version": "0.3.1"}""")));
}
