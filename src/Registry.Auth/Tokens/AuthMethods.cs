namespace Registry.Auth.Tokens;

/// <summary>Values of the <c>auth_method</c> claim.</summary>
public static class AuthMethods
{
    public const string GitHubAccessToken = "github-at";
    public const string GitHubOidc = "github-oidc";
    public const string Oidc = "oidc";
    public const string Dns = "dns";
    public const string Http = "http";
    public const string None = "none";
}
