using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes.Packages;

/// <summary>PyPI's JSON API: /pypi/{project}/json and /pypi/{project}/{version}/json.</summary>
public sealed class FakePyPi : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _projects = new(StringComparer.Ordinal);

    private FakePyPi(FakeHttpServer http) => Http = http;

    public string BaseUrl => Http.BaseUrl;

    public FakeHttpServer Http { get; }

    public static async Task<FakePyPi> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Publishes a release whose description (README) is <paramref name="description"/>.</summary>
    public void AddRelease(string project, string version, string description)
    {
        var releases = _projects.GetOrAdd(project, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        releases[version] = description;
        Http.MapJson(HttpMethods.Get, $"/pypi/{project}/{version}/json", new { info = new { name = project, version, description } });
        Http.Map(HttpMethods.Get, $"/pypi/{project}/json", context => FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new
        {
            info = new { name = project, version, description },
            releases = releases.Keys.ToDictionary(v => v, _ => Array.Empty<object>()),
        }));
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
