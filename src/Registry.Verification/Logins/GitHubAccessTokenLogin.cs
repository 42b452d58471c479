using System.Text.Json;
using System.Text.RegularExpressions;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;
using Registry.Verification.GitHub;

namespace Registry.Verification.Logins;

/// <summary>
/// github-at: the caller's GitHub token names a user and the organisations it is an active owner of; each gets
/// <c>io.github.{name}/*</c>. Plain membership grants nothing, since any member could otherwise publish as the
/// organisation. If any granted name falls outside GitHub's login alphabet the token carries no permissions at all,
/// as the official registry does.
/// </summary>
public sealed partial class GitHubAccessTokenLogin(GitHubApiClient gitHub)
{
    [GeneratedRegex("^[a-zA-Z0-9-]+$")]
    public static partial Regex GitHubLoginPattern();

    public async Task<TokenGrant> LoginAsync(string accessToken, CancellationToken cancellationToken)
    {
        LoginErrors.RequireField(accessToken, "github_token");
        if (!accessToken.All(c => c is > ' ' and <= '~'))
        {
            // It travels in an Authorization header, where a line break would start another header.
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, "github_token holds characters no GitHub token has");
        }

        try
        {
            var login = await gitHub.GetLoginAsync(accessToken, cancellationToken);
            var organizations = await gitHub.GetOwnedOrganizationsAsync(accessToken, cancellationToken);
            return new TokenGrant(AuthMethods.GitHubAccessToken, login, Permissions([login, .. organizations]));
        }
        catch (Exception ex) when (ex is GitHubApiException or HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw LoginErrors.Unauthorized(LoginErrors.TokenExchangeFailed, ex.Message);
        }
    }

    public static IReadOnlyList<Permission> Permissions(IReadOnlyList<string> accounts) =>
        accounts.All(a => GitHubLoginPattern().IsMatch(a))
            ? accounts.Select(a => new Permission(PermissionActions.Publish, $"io.github.{a}/*")).ToList()
            : [];
}
