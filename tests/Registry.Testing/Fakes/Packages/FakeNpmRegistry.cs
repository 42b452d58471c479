using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes.Packages;

/// <summary>An npm registry's two read routes: the package document and one version's document.</summary>
public sealed class FakeNpmRegistry : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string?>> _packages = new(StringComparer.Ordinal);

    private FakeNpmRegistry(FakeHttpServer http) => Http = http;

    public string BaseUrl => Http.BaseUrl;

    public FakeHttpServer Http { get; }

    public static async Task<FakeNpmRegistry> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Publishes <paramref name="name"/>@<paramref name="version"/>, with a top-level mcpName unless null.</summary>
    public void AddVersion(string name, string version, string? mcpName)
    {
        var versions = _packages.GetOrAdd(name, _ => new ConcurrentDictionary<string, string?>(StringComparer.Ordinal));
        versions[version] = mcpName;
        var path = "/" + EscapedName(name);
        Http.MapJson(HttpMethods.Get, $"{path}/{version}", Document(name, version, mcpName));
        Http.Map(HttpMethods.Get, path, context => FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new Dictionary<string, object>
        {
            ["name"] = name,
            ["versions"] = versions.ToDictionary(v => v.Key, v => Document(name, v.Key, v.Value)),
        }));
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();

    // Kestrel decodes "%40" but keeps "%2F" in the path, so a scoped name arrives as "@scope%2Fname".
    private static string EscapedName(string name) => Uri.EscapeDataString(name).Replace("%40", "@", StringComparison.Ordinal);

    private static Dictionary<string, object> Document(string name, string version, string? mcpName)
    {
        var document = new Dictionary<string, object> { ["name"] = name, ["version"] = version };
        if (mcpName is not null)
        {
            document["mcpName"] = mcpName;
        }

        return document;
    }
}
