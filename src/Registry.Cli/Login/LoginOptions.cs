using System.CommandLine;

namespace Registry.Cli.Login;

/// <summary>What each login needs besides its method.</summary>
public sealed class LoginOptions
{
    public const string GitHubTokenVariable = "GITHUB_TOKEN";
    public const string OidcTokenVariable = "REGISTRY_OIDC_TOKEN";

    public Option<string?> GitHubToken { get; } = new("--github-token")
    {
        Description = $"GitHub access token for the github login [env: {GitHubTokenVariable}]",
        HelpName = "token",
    };

    public Option<string?> OidcToken { get; } = new("--oidc-token")
    {
        Description = $"OIDC ID token for the github-oidc and oidc logins [env: {OidcTokenVariable}]",
        HelpName = "token",
    };

    public Option<string?> Domain { get; } = new("--domain") { Description = "Domain to prove for the dns and http logins" };

    public Option<string?> KeyFile { get; } = new("--key-file")
    {
        Description = "File holding the domain's private key in hex (Ed25519 seed or P-384 scalar) for the dns and http logins",
        HelpName = "path",
    };

    public Option<string> Algorithm { get; } = CreateAlgorithm();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { GitHubToken, OidcToken, Domain, KeyFile, Algorithm })
        {
            command.Options.Add(option);
        }
    }

    private static Option<string> CreateAlgorithm()
    {
        var option = new Option<string>("--algorithm")
        {
            Description = "Algorithm of the key in --key-file",
            DefaultValueFactory = _ => DomainSigningKey.Ed25519,
        };
        option.AcceptOnlyFromAmong(DomainSigningKey.Ed25519, DomainSigningKey.EcdsaP384);
        return option;
    }
}
