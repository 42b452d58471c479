using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes.Packages;

/// <summary>A release host that answers HEAD and GET for the files added to it.</summary>
public sealed class FakeReleaseHost : IAsyncDisposable
{
    private FakeReleaseHost(FakeHttpServer http) => Http = http;

    public string BaseUrl => Http.BaseUrl;

    /// <summary>The host name alone (127.0.0.1), as an allowlist entry names it.</summary>
    public string Host => new Uri(Http.BaseUrl).Host;

    public FakeHttpServer Http { get; }

    public static async Task<FakeReleaseHost> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Serves <paramref name="path"/> and returns its full URL.</summary>
    public string AddFile(string path, string content = "mcpb")
    {
        Http.Map(HttpMethods.Head, path, context =>
        {
            context.Response.ContentLength = content.Length;
            return Task.CompletedTask;
        });
        Http.MapText(path, content);
        return BaseUrl + path;
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();
}
