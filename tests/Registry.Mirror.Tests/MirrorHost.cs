using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Mirror.Extensions;
using Registry.Mirror.Status;

namespace Registry.Mirror.Tests;

/// <summary>
/// The mirror process as Program.cs wires it, in this test process, on a free port of 127.0.0.1. Stopping one and
/// starting another on the same database is a restart.
/// </summary>
internal sealed class MirrorHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private MirrorHost(WebApplication app, HttpClient http)
    {
        this.app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>Fast settings for tests; <paramref name="settings"/> (keys under Registry:Mirror) override them.</summary>
    public static async Task<MirrorHost> StartAsync(
        string connectionString, string upstream, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Registry.Mirror", EnvironmentName = "Testing" });
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrydb"] = connectionString,
            ["Registry:Mirror:Upstream"] = upstream,
            ["Registry:Mirror:PollInterval"] = "00:00:00.100",
            ["Registry:Mirror:InitialBackoff"] = "00:00:00.050",
            ["Registry:Mirror:MaxBackoff"] = "00:00:00.200",
            ["Registry:Mirror:RequestTimeout"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[$"Registry:Mirror:{key}"] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddMirror();
        var app = builder.Build();
        app.MapMirrorStatus();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        return new MirrorHost(app, new HttpClient { BaseAddress = new Uri(app.Urls.Single()) });
    }

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public async Task<JsonElement> StatusAsync() => await Http.GetFromJsonAsync<JsonElement>(MirrorStatusEndpoint.Path);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
