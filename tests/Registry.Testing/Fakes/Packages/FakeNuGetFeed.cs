using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes.Packages;

/// <summary>A NuGet v3 feed: a service index naming ReadmeUriTemplate/6.13.0 and PackageBaseAddress/3.0.0, and their routes.</summary>
public sealed class FakeNuGetFeed : IAsyncDisposable
{
    public const string ServiceIndexPath = "/v3/index.json";
    private const string FlatContainer = "/v3-flatcontainer";
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _versions = new(StringComparer.Ordinal);

    private FakeNuGetFeed(FakeHttpServer http)
    {
        Http = http;
        Http.MapJson(HttpMethods.Get, ServiceIndexPath, new Dictionary<string, object>
        {
            ["version"] = "3.0.0",
            ["resources"] = new object[]
            {
                new Dictionary<string, string> { ["@id"] = http.BaseUrl + FlatContainer + "/", ["@type"] = "PackageBaseAddress/3.0.0" },
                new Dictionary<string, string> { ["@id"] = http.BaseUrl + FlatContainer + "/{lower_id}/{lower_version}/readme", ["@type"] = "ReadmeUriTemplate/6.13.0" },
            },
        });
    }

    public string BaseUrl => Http.BaseUrl;

    public string ServiceIndexUrl => Http.BaseUrl + ServiceIndexPath;

    public FakeHttpServer Http { get; }

    public int ServiceIndexRequests => Http.Requests.Count(r => r.PathAndQuery == ServiceIndexPath);

    public static async Task<FakeNuGetFeed> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Publishes a package version with an embedded README, or without one when <paramref name="readme"/> is null.</summary>
    public void AddPackage(string id, string version, string? readme)
    {
        var lowerId = id.ToLowerInvariant();
        var lowerVersion = version.ToLowerInvariant();
        var versions = _versions.GetOrAdd(lowerId, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal));
        versions[lowerVersion] = 0;
        Http.Map(HttpMethods.Get, $"{FlatContainer}/{lowerId}/index.json", context =>
            FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new { versions = versions.Keys.Order().ToArray() }));
        if (readme is not null)
        {
            Http.MapText($"{FlatContainer}/{lowerId}/{lowerVersion}/readme", readme);
        }
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
