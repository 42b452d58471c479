using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Registry.Verification.Options;

namespace Registry.Verification.GitHub;

/// <summary>The two GitHub REST calls a github-at login needs, made with the caller's own token.</summary>
public sealed class GitHubApiClient(HttpClient http, IOptions<AuthOptions> options)
{
    public const string HttpClientName = "github";

    public async Task<string> GetLoginAsync(string accessToken, CancellationToken cancellationToken)
    {
        var user = await GetAsync<GitHubAccount>("/user", accessToken, cancellationToken);
        return user?.Login is { Length: > 0 } login ? login : throw new GitHubApiException("GitHub returned no user login");
    }

    public async Task<IReadOnlyList<string>> GetPublicOrganizationsAsync(string login, string accessToken, CancellationToken cancellationToken)
    {
        var organizations = await GetAsync<List<GitHubAccount>>(
            $"/users/{Uri.EscapeDataString(login)}/orgs?per_page=100", accessToken, cancellationToken);
        return (organizations ?? []).Select(o => o.Login ?? "").ToList();
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
}

public sealed class GitHubApiException(string message) : Exception(message);
