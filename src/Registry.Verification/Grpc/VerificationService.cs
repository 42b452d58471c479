using Grpc.Core;
using Registry.Auth.Tokens;
using Registry.Contracts.V0;
using Registry.Verification.Domains;
using Registry.Verification.Logins;
using Registry.Verification.Packages;
using Registry.Verification.Telemetry;

namespace Registry.Verification.Grpc;

/// <summary>Logins: each proves who the caller is and answers a registry token carrying what that proves.</summary>
public sealed class VerificationService(
    RegistryTokenIssuer issuer,
    AnonymousLogin anonymous,
    GitHubAccessTokenLogin gitHubAccessToken,
    GitHubOidcLogin gitHubOidc,
    AdminOidcLogin adminOidc,
    DomainLogin domainLogin,
    DnsProofKeySource dnsKeys,
    HttpProofKeySource httpKeys,
    PackageOwnershipChecker packages,
    LoginRecorder logins) : Contracts.V0.Verification.VerificationBase
{
    /// <summary>Internal: publish and edit ask whether every package of a server belongs to it.</summary>
    public override async Task<VerifyPackagesResponse> VerifyPackages(VerifyPackagesRequest request, ServerCallContext context)
    {
        var references = request.Packages
            .Select(p => new PackageReference(
                p.RegistryType ?? "",
                p.HasRegistryBaseUrl ? p.RegistryBaseUrl : null,
                p.Identifier ?? "",
                p.HasVersion ? p.Version : null,
                p.HasFileSha256 ? p.FileSha256 : null))
            .ToList();
        var response = new VerifyPackagesResponse();
        response.Failures.AddRange(await packages.CheckAsync(request.ServerName, references, context.CancellationToken));
        return response;
    }

    public override async Task<RegistryToken> LoginAnonymous(LoginAnonymousRequest request, ServerCallContext context) =>
        Issue(await logins.RecordAsync(AuthMethods.None, () => Task.FromResult(anonymous.Login())));

    public override async Task<RegistryToken> LoginGitHubAccessToken(LoginGitHubAccessTokenRequest request, ServerCallContext context) =>
        Issue(await logins.RecordAsync(AuthMethods.GitHubAccessToken,
            () => gitHubAccessToken.LoginAsync(request.GithubToken, context.CancellationToken)));

    public override async Task<RegistryToken> LoginGitHubOidc(LoginOidcRequest request, ServerCallContext context) =>
        Issue(await logins.RecordAsync(AuthMethods.GitHubOidc, () => gitHubOidc.LoginAsync(request.OidcToken, context.CancellationToken)));

    public override async Task<RegistryToken> LoginOidc(LoginOidcRequest request, ServerCallContext context) =>
        Issue(await logins.RecordAsync(AuthMethods.Oidc, () => adminOidc.LoginAsync(request.OidcToken, context.CancellationToken)));

    public override async Task<RegistryToken> LoginDns(LoginDomainRequest request, ServerCallContext context) =>
        Issue(await logins.RecordAsync(AuthMethods.Dns, () => domainLogin.LoginAsync(
            AuthMethods.Dns, LoginErrors.DnsFailed, dnsKeys, coversSubdomains: true,
            request.Domain, request.Timestamp, request.SignedTimestamp, context.CancellationToken)));

    public override async Task<RegistryToken> LoginHttp(LoginDomainRequest request, ServerCallContext context) =>
        Issue(await logins.RecordAsync(AuthMethods.Http, () => domainLogin.LoginAsync(
            AuthMethods.Http, LoginErrors.HttpFailed, httpKeys, coversSubdomains: false,
            request.Domain, request.Timestamp, request.SignedTimestamp, context.CancellationToken)));

    private RegistryToken Issue(TokenGrant grant)
    {
        var (token, claims) = issuer.Issue(grant.AuthMethod, grant.Subject, grant.Permissions);
        return new RegistryToken { RegistryToken_ = token, ExpiresAt = claims.ExpiresAt.ToUnixTimeSeconds() };
    }
}
