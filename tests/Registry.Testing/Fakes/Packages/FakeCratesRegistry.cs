using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes.Packages;

/// <summary>A crates registry's two read routes: /api/v1/crates/{name}/{version} and its /readme.</summary>
public sealed class FakeCratesRegistry : IAsyncDisposable
{
    private FakeCratesRegistry(FakeHttpServer http) => Http = http;

    public string BaseUrl => Http.BaseUrl;

    public FakeHttpServer Http { get; }

    public static async Task<FakeCratesRegistry> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Publishes <paramref name="name"/> <paramref name="version"/> with <paramref name="readme"/>, or without a README when it is null.</summary>
    public void AddVersion(string name, string version, string? readme)
    {
        var path = $"/api/v1/crates/{name}/{version}";
        Http.MapJson(HttpMethods.Get, path, new { version = new { crate = name, num = version, readme_path = readme is null ? null : "README.md" } });
        if (readme is null)
        {
            Http.Unmap(HttpMethods.Get, $"{path}/readme");
            return;
        }

        Http.MapText($"{path}/readme", readme);
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
