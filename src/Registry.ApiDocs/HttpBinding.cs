using System.Text.RegularExpressions;
using Google.Api;

namespace Registry.ApiDocs;

/// <summary>One REST route of an RPC: its method, its path template and which request fields travel in the body.</summary>
internal sealed partial record HttpBinding(HttpMethod Method, string Template, string Body)
{
    public static IEnumerable<HttpBinding> Of(HttpRule rule) =>
        new[] { rule }.Concat(rule.AdditionalBindings).Select(From);

    /// <summary>The field names bound in the path, e.g. server_name in <c>/v0/servers/{server_name}/versions</c>.</summary>
    public IReadOnlyList<string> PathFields => [.. PathVariable().Matches(Template).Select(m => m.Groups["field"].Value)];

    /// <summary>The template with OpenAPI variables named after the fields' JSON names, e.g. {serverName}.</summary>
    public string OpenApiPath(Func<string, string> jsonName) =>
        PathVariable().Replace(Template, m => "{" + jsonName(m.Groups["field"].Value) + "}");

    private static HttpBinding From(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => new(HttpMethod.Get, rule.Get, rule.Body),
        HttpRule.PatternOneofCase.Post => new(HttpMethod.Post, rule.Post, rule.Body),
        HttpRule.PatternOneofCase.Put => new(HttpMethod.Put, rule.Put, rule.Body),
        HttpRule.PatternOneofCase.Patch => new(HttpMethod.Patch, rule.Patch, rule.Body),
        HttpRule.PatternOneofCase.Delete => new(HttpMethod.Delete, rule.Delete, rule.Body),
        _ => throw new InvalidOperationException($"HTTP binding {rule} has no method the document describes."),
    };

    [GeneratedRegex(@"\{(?<field>[a-z_][a-z0-9_]*)(=[^}]*)?\}")]
    private static partial Regex PathVariable();
}
