namespace Registry.Cli.Login;

/// <summary>The logins of the verification service, by the names the CLI takes.</summary>
public static class LoginMethods
{
    public const string Anonymous = "anonymous";
    public const string GitHub = "github";
    public const string GitHubOidc = "github-oidc";
    public const string Oidc = "oidc";
    public const string Dns = "dns";
    public const string Http = "http";

    public static readonly string[] All = [Anonymous, GitHub, GitHubOidc, Oidc, Dns, Http];
}
