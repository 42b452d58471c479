using System.Text.Json.Nodes;
using Registry.Domain.Validation;

namespace Registry.Domain.Tests.Validation;

/// <summary>Small documents for rule tests: a valid minimal server, optionally with top-level fields replaced.</summary>
internal static class ServerDocuments
{
    public static readonly ServerJsonValidator Validator = new();

    public static JsonObject Minimal() => new()
    {
        ["$schema"] = ServerJsonValidator.CurrentSchemaUrl,
        ["name"] = "io.github.user/weather",
        ["description"] = "Weather forecasts",
        ["version"] = "1.0.0",
    };

    /// <summary>The minimal server with each top-level field of <paramref name="fieldsJson"/> set (or replaced).</summary>
    public static JsonObject With(string fieldsJson)
    {
        var document = Minimal();
        foreach (var (name, value) in JsonNode.Parse(fieldsJson)!.AsObject())
        {
            document[name] = value?.DeepClone();
        }

        return document;
    }

    /// <summary>The minimal server with one package whose fields are <paramref name="packageJson"/>.</summary>
    public static JsonObject WithPackage(string packageJson) => With($$"""{"packages":[{{packageJson}}]}""");

    /// <summary>The minimal server with one valid npm stdio package, its fields of <paramref name="fieldsJson"/> set.</summary>
    public static JsonObject WithPackageFields(string fieldsJson)
    {
        var package = new JsonObject
        {
            ["registryType"] = "npm",
            ["identifier"] = "@user/weather",
            ["version"] = "1.0.0",
            ["transport"] = new JsonObject { ["type"] = "stdio" },
        };
        foreach (var (name, value) in JsonNode.Parse(fieldsJson)!.AsObject())
        {
            package[name] = value?.DeepClone();
        }

        var document = Minimal();
        document["packages"] = new JsonArray(package);
        return document;
    }

    public static JsonObject WithRemote(string remoteJson) => With($$"""{"remotes":[{{remoteJson}}]}""");

    public static string Describe(IEnumerable<ValidationIssue> issues) =>
        string.Join(Environment.NewLine, issues.Select(issue => $"{issue.Severity} {issue.Type} '{issue.Path}' {issue.Reference}: {issue.Message}"));
}
