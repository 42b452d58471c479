using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Registry.Verification.GitHub;

/// <summary>The GitHub REST calls a github-at login needs, made with the caller's own token.</summary>
public sealed class GitHubApiClient(HttpClient http, IOptions<AuthOptions> options)
{
    public const string HttpClientName = "github";
    public const int MembershipPageSize = 100;
    public const int MaxMembershipPages = 10;

    public async Task<string> GetLoginAsync(string accessToken, CancellationToken cancellationToken)
    {
        var user = await GetAsync<GitHubAccount>("/user", accessToken, cancellationToken);
        return user?.Login is { Length: > 0 } login ? login : throw new GitHubApiException("GitHub returned no user login");
    }

    /// <summary>
    /// The logins of the organisations the token's user is an active owner of; plain members and pending invitations
    /// are left out. Pages are read until one is not full, at most <see cref="MaxMembershipPages"/> of them, so that an
    /// account in thousands of organisations cannot hold a login open.
    /// </summary>
    public async Task<IReadOnlyList<string>> GetOwnedOrganizationsAsync(string accessToken, CancellationToken cancellationToken)
    {
        var owned = new List<string>();
        for (var page = 1; page <= MaxMembershipPages; page++)
        {
            var memberships = await GetAsync<List<GitHubOrganizationMembership?>>(
                $"/user/memberships/orgs?per_page={MembershipPageSize}&page={page}", accessToken, cancellationToken) ?? [];
            owned.AddRange(memberships.OfType<GitHubOrganizationMembership>().Where(m => m.IsActiveOwner).Select(m => m.Organization?.Login ?? ""));
            if (memberships.Count < MembershipPageSize)
            {
                break;
            }
        }

        return owned;
    }

    private async Task<T?> GetAsync<T>(string path, string accessToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, options.Value.GitHub.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Accept.ParseAdd("application/vnd.github+json");
        request.Headers.UserAgent.ParseAdd("mcp-registry");
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new GitHubApiException($"GitHub API answered {(int)response.StatusCode} for {path.Split('?')[0]}");
        }

        return await response.Content.ReadFromJsonAsync<T>(cancellationToken);
    }

    private sealed record GitHubAccount([property: JsonPropertyName("login")] string? Login);

    private sealed record GitHubOrganizationMembership(
        [property: JsonPropertyName("state")] string? State,
        [property: JsonPropertyName("role")] string? Role,
        [property: JsonPropertyName("organization")] GitHubAccount? Organization)
    {
        public bool IsActiveOwner => State == "active" && Role == "admin";
    }
}

public sealed class GitHubApiException(string message) : Exception(message);
