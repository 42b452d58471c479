using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes;

/// <summary>
/// The two GitHub REST calls a registry login makes: GET /user (authenticated by an access token) and
/// GET /users/{login}/orgs (public organization memberships).
/// </summary>
public sealed class FakeGitHubApi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, GitHubUser> _usersByToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _ids = new(StringComparer.OrdinalIgnoreCase);
    private long _lastId;

    private FakeGitHubApi(FakeHttpServer http)
    {
        Http = http;
        MapUser();
    }

    public string BaseUrl => Http.BaseUrl;

    /// <summary>The underlying server: its recorded requests, and room for more routes (such as a token exchange).</summary>
    public FakeHttpServer Http { get; }

    public static async Task<FakeGitHubApi> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>
    /// Makes <paramref name="accessToken"/> authenticate as <paramref name="login"/> (ids are 1, 2, ... in the order
    /// logins are first set) and publishes the login's public organizations.
    /// </summary>
    public void SetUser(string accessToken, string login, params string[] publicOrgs)
    {
        var user = new GitHubUser(login, _ids.GetOrAdd(login, _ => Interlocked.Increment(ref _lastId)));
        _usersByToken[accessToken] = user;
        Http.MapJson(HttpMethods.Get, $"/users/{login}/orgs", publicOrgs.Select(org => new { login = org }).ToArray());
    }

    /// <summary>Forgets every user and recorded request.</summary>
    public void Reset()
    {
        _usersByToken.Clear();
        _ids.Clear();
        Interlocked.Exchange(ref _lastId, 0);
        Http.Reset();
        MapUser();
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();

    private void MapUser() => Http.Map(HttpMethods.Get, "/user", AnswerUserAsync);

    private Task AnswerUserAsync(HttpContext context)
    {
        if (Token(context.Request.Headers.Authorization.ToString()) is { } token && _usersByToken.TryGetValue(token, out var user))
        {
            return FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new { login = user.Login, id = user.Id });
        }
        return FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status401Unauthorized, new { message = "Bad credentials" });
    }

    private static string? Token(string authorization)
    {
        foreach (var scheme in (string[])["Bearer ", "token "])
        {
            if (authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return authorization[scheme.Length..].Trim();
            }
        }
        return null;
    }

    private sealed record GitHubUser(string Login, long Id);
}
