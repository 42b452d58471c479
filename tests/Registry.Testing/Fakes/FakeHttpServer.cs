using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.Testing.Fakes;

/// <summary>
/// A Kestrel host on 127.0.0.1 whose routes (method + exact path) tests set while it runs; every request is
/// recorded, and unknown routes answer 404.
/// </summary>
public sealed class FakeHttpServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Method, string Path), Func<HttpContext, Task>> _routes = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _requestsGate = new();
    private readonly WebApplication _app;
    private int _disposed;

    private FakeHttpServer(WebApplication app)
    {
        _app = app;
        app.Run(HandleAsync);
    }

    /// <summary>"http://127.0.0.1:port", without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeHttpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        // The empty builder reads no appsettings.json or environment, so nothing can add endpoints beside ours.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeHttpServer(builder.Build());
        await server._app.StartAsync(cancellationToken);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseUrl = address.TrimEnd('/');
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> (exact, with the leading slash, no query) with the handler, replacing an earlier one.</summary>
    public void Map(string method, string path, Func<HttpContext, Task> handler) =>
        _routes[(method.ToUpperInvariant(), path)] = handler;

    public void Unmap(string method, string path) => _routes.TryRemove((method.ToUpperInvariant(), path), out _);

    /// <summary>Forgets every route and every recorded request.</summary>
    public void Reset()
    {
        _routes.Clear();
        ClearRequests();
    }

    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        // Buffered so that a handler can read the body again after it was recorded.
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        var recorded = new RecordedRequest(
            request.Method,
            request.Path.Value + request.QueryString.Value,
            Header(request, "Authorization"),
            Header(request, "Accept"),
            Header(request, "User-Agent"),
            request.ContentType,
            body);
        lock (_requestsGate)
        {
            _requests.Add(recorded);
        }
        if (_routes.TryGetValue((request.Method.ToUpperInvariant(), request.Path.Value ?? "/"), out var handler))
        {
            await handler(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;
}
