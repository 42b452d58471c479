using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>
/// A remote is reached over the internet: streamable-http or sse only, an https url that is not a loopback host,
/// and every <c>{variable}</c> in it declared in the remote's own "variables".
/// </summary>
internal sealed class RemoteTransportRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server) =>
        JsonFields.Objects(server, "remotes").SelectMany(remote => CheckRemote(IssuePath.Item("remotes", remote.Index), remote.Item));

    private static IEnumerable<ValidationIssue> CheckRemote(string path, JsonObject remote)
    {
        if (JsonFields.String(remote, "type") is { } type && type is not ("streamable-http" or "sse"))
        {
            yield return SemanticIssue.Error(IssuePath.Property(path, "type"), $"Remote transport type '{type}' is not supported; use streamable-http or sse", SemanticReferences.UnsupportedTransportType);
        }

        var urlPath = IssuePath.Property(path, "url");
        if (JsonFields.IsMissingOrEmpty(remote, "url"))
        {
            yield return SemanticIssue.Error(urlPath, "A remote needs a url", SemanticReferences.TransportUrlRequired);
            yield break;
        }

        if (JsonFields.String(remote, "url") is not { } url)
        {
            yield break;
        }

        if (!UrlTemplate.TryParse(url, out var parsed))
        {
            yield return SemanticIssue.Error(urlPath, $"Remote url '{url}' must be an absolute https URL with a host", SemanticReferences.InvalidRemoteUrl);
        }
        else if (parsed.Scheme != Uri.UriSchemeHttps)
        {
            yield return SemanticIssue.Error(urlPath, $"Remote url '{url}' must use https", SemanticReferences.RemoteUrlNotHttps);
        }
        else if (IsLoopback(parsed.Host))
        {
            yield return SemanticIssue.Error(urlPath, $"Remote url '{url}' must not point at localhost", SemanticReferences.RemoteUrlLocalhost);
        }

        var declared = JsonFields.Object(remote, "variables")?.Select(variable => variable.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var issue in UrlVariables.CheckDefined(urlPath, url, declared, "the remote's variables"))
        {
            yield return issue;
        }
    }

    private static bool IsLoopback(string host) =>
        host is "localhost" or "127.0.0.1" || host.EndsWith(".localhost", StringComparison.Ordinal);
}
