using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>
/// A package's transport: stdio has no url; streamable-http and sse need an http(s) url whose <c>{variables}</c>
/// each name something the package itself defines (an environment variable, or an argument's name or valueHint).
/// Local servers may listen on localhost, so unlike remotes any host is fine.
/// </summary>
internal sealed class PackageTransportRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server) =>
        JsonFields.Objects(server, "packages").SelectMany(package =>
            CheckTransport(IssuePath.Item("packages", package.Index), package.Item));

    private static IEnumerable<ValidationIssue> CheckTransport(string packagePath, JsonObject package)
    {
        var transport = JsonFields.Object(package, "transport");
        var path = IssuePath.Property(packagePath, "transport");
        return JsonFields.String(transport, "type") switch
        {
            null => [],
            "stdio" => CheckStdio(path, transport!),
            "streamable-http" or "sse" => CheckHttp(path, transport!, DefinedNames(packagePath, package)),
            var other => [SemanticIssue.Error(IssuePath.Property(path, "type"), $"Transport type '{other}' is not supported for packages; use stdio, streamable-http or sse", SemanticReferences.UnsupportedTransportType)],
        };
    }

    private static IEnumerable<ValidationIssue> CheckStdio(string path, JsonObject transport)
    {
        if (JsonFields.String(transport, "url") is { Length: > 0 } url)
        {
            yield return SemanticIssue.Error(IssuePath.Property(path, "url"), $"A stdio transport has no url, got '{url}'", SemanticReferences.StdioTransportWithUrl);
        }
    }

    private static IEnumerable<ValidationIssue> CheckHttp(string path, JsonObject transport, IReadOnlySet<string> definedNames)
    {
        var urlPath = IssuePath.Property(path, "url");
        if (JsonFields.IsMissingOrEmpty(transport, "url"))
        {
            yield return SemanticIssue.Error(urlPath, "A streamable-http or sse transport needs a url", SemanticReferences.TransportUrlRequired);
            yield break;
        }

        if (JsonFields.String(transport, "url") is not { } url)
        {
            yield break;
        }

        if (!UrlTemplate.TryParse(url, out var parsed) || !UrlTemplate.IsHttp(parsed))
        {
            yield return SemanticIssue.Error(urlPath, $"Transport url '{url}' must be an http or https URL with a host", SemanticReferences.InvalidTransportUrl);
        }

        foreach (var issue in UrlVariables.CheckDefined(urlPath, url, definedNames, "the package's environment variables or arguments"))
        {
            yield return issue;
        }
    }

    private static HashSet<string> DefinedNames(string packagePath, JsonObject package)
    {
        var names = JsonFields.Objects(package, "environmentVariables")
            .Select(variable => JsonFields.String(variable.Item, "name"))
            .Concat(PackageArguments.Of(packagePath, package).SelectMany(argument => new[]
            {
                JsonFields.String(argument.Argument, "name"),
                JsonFields.String(argument.Argument, "valueHint"),
            }));
        return [.. names.OfType<string>().Where(name => name.Length > 0)];
    }
}
