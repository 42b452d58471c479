using System.Text.Json;

namespace Registry.Auth.Reading;

/// <summary>
/// RFC 9728: the document at <c>/.well-known/oauth-protected-resource</c> naming the resource, the issuer that grants
/// tokens for it and its scopes, and the <c>WWW-Authenticate</c> challenge of a refused read that points at it.
/// </summary>
public static class ProtectedResourceMetadata
{
    public const string Path = "/.well-known/oauth-protected-resource";

    public static byte[] Document(ReadAccessOptions options, string resource)
    {
        var document = new Dictionary<string, object>
        {
            ["resource"] = resource,
            ["scopes_supported"] = new[] { ReadScopes.Read, ReadScopes.Write },
            ["bearer_methods_supported"] = new[] { "header" },
        };
        if (options.Oidc.Enabled)
        {
            document["authorization_servers"] = new[] { options.Oidc.Issuer };
        }

        return JsonSerializer.SerializeToUtf8Bytes(document);
    }

    /// <param name="error">Null when the request carried no token (RFC 6750 §3.1); <c>invalid_token</c> when it was refused.</param>
    public static string Challenge(string resource, string? error = null, string? description = null)
    {
        var challenge = $"Bearer resource_metadata=\"{resource.TrimEnd('/')}{Path}\", scope=\"{ReadScopes.Read}\"";
        if (error is not null)
        {
            challenge += $", error=\"{error}\"";
        }

        if (description is not null)
        {
            challenge += $", error_description=\"{description.Replace("\"", "'", StringComparison.Ordinal)}\"";
        }

        return challenge;
    }
}
