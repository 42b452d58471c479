using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes;

/// <summary>
/// The GitHub REST calls a registry login makes, both authenticated by an access token: GET /user and
/// GET /user/memberships/orgs (the user's organisation memberships with role and state, paged by
/// <c>per_page</c> and <c>page</c> as GitHub does).
/// </summary>
public sealed class FakeGitHubApi : IAsyncDisposable
{
    private const int GitHubDefaultPageSize = 30;
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
    /// logins are first set) with these organisation memberships, in this order.
    /// </summary>
    public void SetUser(string accessToken, string login, params GitHubOrgMembership[] memberships)
    {
        var user = new GitHubUser(login, _ids.GetOrAdd(login, _ => Interlocked.Increment(ref _lastId)), memberships);
        _usersByToken[accessToken] = user;
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

    private void MapUser()
    {
        Http.Map(HttpMethods.Get, "/user", AnswerUserAsync);
        Http.Map(HttpMethods.Get, "/user/memberships/orgs", AnswerMembershipsAsync);
    }

    private Task AnswerUserAsync(HttpContext context) =>
        User(context) is { } user
            ? FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new { login = user.Login, id = user.Id })
            : BadCredentialsAsync(context);

    private Task AnswerMembershipsAsync(HttpContext context)
    {
        if (User(context) is not { } user)
        {
            return BadCredentialsAsync(context);
        }
        var perPage = QueryNumber(context, "per_page", GitHubDefaultPageSize);
        var page = QueryNumber(context, "page", 1);
        var entries = user.Memberships.Skip((page - 1) * perPage).Take(perPage).Select(m => new
        {
            state = m.State,
            role = m.Role,
            organization = new { login = m.Organization },
            user = new { login = user.Login },
        });
        return FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, entries.ToArray());
    }

    private GitHubUser? User(HttpContext context) =>
        Token(context.Request.Headers.Authorization.ToString()) is { } token && _usersByToken.TryGetValue(token, out var user) ? user : null;

    private static Task BadCredentialsAsync(HttpContext context) =>
        FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status401Unauthorized, new { message = "Bad credentials" });

    private static int QueryNumber(HttpContext context, string name, int fallback) =>
        int.TryParse(context.Request.Query[name].ToString(), out var value) && value > 0 ? value : fallback;

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

    private sealed record GitHubUser(string Login, long Id, IReadOnlyList<GitHubOrgMembership> Memberships);
}
