using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes.Packages;

/// <summary>
/// An OCI distribution registry that demands an anonymous bearer token (issued by a realm on the same server) and
/// serves images as index → linux/amd64 manifest → config blob.
/// </summary>
public sealed class FakeOciRegistry : IAsyncDisposable
{
    public const string ServerNameLabel = "io.modelcontextprotocol.server.name";
    private const string Service = "fake-oci";
    private readonly ConcurrentDictionary<string, byte> _private = new(StringComparer.Ordinal);

    private FakeOciRegistry(FakeHttpServer http)
    {
        Http = http;
        Http.Map(HttpMethods.Get, "/token", IssueTokenAsync);
    }

    /// <summary>"127.0.0.1:port", the registry part of an image reference.</summary>
    public string Host => new Uri(Http.BaseUrl).Authority;

    public FakeHttpServer Http { get; }

    public static async Task<FakeOciRegistry> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>
    /// Serves <paramref name="repository"/>:<paramref name="tag"/> whose config carries the server name label unless null;
    /// as an index (an arm64 entry first, whose manifest is never served, then linux/amd64) or as a single manifest.
    /// </summary>
    public void AddImage(string repository, string tag, string? serverNameLabel, bool asIndex = true)
    {
        var labels = serverNameLabel is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [ServerNameLabel] = serverNameLabel };
        var config = Json(new { architecture = "amd64", os = "linux", config = new { Labels = labels } });
        var manifest = Json(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.oci.image.manifest.v1+json",
            config = new { mediaType = "application/vnd.oci.image.config.v1+json", digest = Digest(config), size = config.Length },
            layers = Array.Empty<object>(),
        });
        Serve(repository, $"blobs/{Digest(config)}", "application/vnd.oci.image.config.v1+json", config);
        Serve(repository, $"manifests/{Digest(manifest)}", "application/vnd.oci.image.manifest.v1+json", manifest);
        if (!asIndex)
        {
            Serve(repository, $"manifests/{tag}", "application/vnd.oci.image.manifest.v1+json", manifest);
            return;
        }

        var index = Json(new
        {
            schemaVersion = 2,
            mediaType = "application/vnd.oci.image.index.v1+json",
            manifests = new object[]
            {
                new { mediaType = "application/vnd.oci.image.manifest.v1+json", digest = "sha256:" + new string('0', 64), size = 1, platform = new { architecture = "arm64", os = "linux" } },
                new { mediaType = "application/vnd.oci.image.manifest.v1+json", digest = Digest(manifest), size = manifest.Length, platform = new { architecture = "amd64", os = "linux" } },
            },
        });
        Serve(repository, $"manifests/{tag}", "application/vnd.oci.image.index.v1+json", index);
    }

    /// <summary>Makes the token endpoint refuse <paramref name="repository"/>, as for a private image.</summary>
    public void MakePrivate(string repository) => _private[repository] = 0;

    public ValueTask DisposeAsync() => Http.DisposeAsync();

    private void Serve(string repository, string path, string mediaType, string body) =>
        Http.Map(HttpMethods.Get, $"/v2/{repository}/{path}", async context =>
        {
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + TokenFor(repository))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer realm=\"{Http.BaseUrl}/token\",service=\"{Service}\",scope=\"repository:{repository}:pull\"";
                return;
            }

            context.Response.ContentType = mediaType;
            await context.Response.WriteAsync(body, context.RequestAborted);
        });

    private Task IssueTokenAsync(HttpContext context)
    {
        var scope = context.Request.Query["scope"].ToString();
        var parts = scope.Split(':');
        if (context.Request.Query["service"] != Service || parts.Length != 3 || parts[0] != "repository" || _private.ContainsKey(parts[1]))
        {
            return FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status401Unauthorized, new { errors = new[] { new { code = "UNAUTHORIZED" } } });
        }

        return FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new { token = TokenFor(parts[1]) });
    }

    private static string TokenFor(string repository) => "anonymous-" + repository.Replace('/', '-');

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private static string Digest(string content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
