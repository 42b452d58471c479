using Registry.Cli.Commands;
using Registry.Cli.Connection;
using Registry.Contracts.V0;

namespace Registry.Cli.Login;

/// <summary>Exchanges a login method's proof for a registry token at the verification service.</summary>
public static class RegistryLogin
{
    public static async Task<RegistryToken> LoginAsync(Invocation invocation, string method, LoginOptions options)
    {
        var verification = ServiceKind.Verification;
        switch (method)
        {
            case LoginMethods.Anonymous:
                return await invocation.CallAsync(verification, (channel, call) =>
                    new Verification.VerificationClient(channel).LoginAnonymousAsync(new LoginAnonymousRequest(), call).ResponseAsync);
            case LoginMethods.GitHub:
                var gitHubToken = Required(invocation.ValueOrVariable(options.GitHubToken, LoginOptions.GitHubTokenVariable),
                    $"The github login needs --github-token or {LoginOptions.GitHubTokenVariable}.");
                return await invocation.CallAsync(verification, (channel, call) => new Verification.VerificationClient(channel)
                    .LoginGitHubAccessTokenAsync(new LoginGitHubAccessTokenRequest { GithubToken = gitHubToken }, call).ResponseAsync);
            case LoginMethods.GitHubOidc or LoginMethods.Oidc:
                var request = new LoginOidcRequest
                {
                    OidcToken = Required(invocation.ValueOrVariable(options.OidcToken, LoginOptions.OidcTokenVariable),
                        $"The {method} login needs --oidc-token or {LoginOptions.OidcTokenVariable}."),
                };
                return await invocation.CallAsync(verification, (channel, call) => method == LoginMethods.Oidc
                    ? new Verification.VerificationClient(channel).LoginOidcAsync(request, call).ResponseAsync
                    : new Verification.VerificationClient(channel).LoginGitHubOidcAsync(request, call).ResponseAsync);
            case LoginMethods.Dns or LoginMethods.Http:
                var proof = await DomainProofAsync(invocation, method, options);
                return await invocation.CallAsync(verification, (channel, call) => method == LoginMethods.Dns
                    ? new Verification.VerificationClient(channel).LoginDnsAsync(proof, call).ResponseAsync
                    : new Verification.VerificationClient(channel).LoginHttpAsync(proof, call).ResponseAsync);
            default:
                throw CliFailure.Usage($"Unknown login method '{method}': use one of {string.Join(", ", LoginMethods.All)}.");
        }
    }

    private static async Task<LoginDomainRequest> DomainProofAsync(Invocation invocation, string method, LoginOptions options)
    {
        var domain = Required(invocation.Value(options.Domain), $"The {method} login needs --domain.");
        var keyFile = Required(invocation.Value(options.KeyFile), $"The {method} login needs --key-file.");
        var key = await DomainSigningKey.ReadFileAsync(keyFile, invocation.Value(options.Algorithm)!, invocation.CancellationToken);
        var timestamp = DomainSigningKey.Timestamp(DateTimeOffset.UtcNow);
        return new LoginDomainRequest { Domain = domain, Timestamp = timestamp, SignedTimestamp = key.SignHex(timestamp) };
    }

    private static string Required(string? value, string message) =>
        string.IsNullOrWhiteSpace(value) ? throw CliFailure.Usage(message) : value;
}
