using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Registry.Testing;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// A registry whose migrations fail (the seed it is told to import does not exist): the AppHost says which resource
/// failed and why on its console, and the gateway answers at once, naming the service that is not ready.
/// </summary>
public sealed class StartupFailureTests : IAsyncDisposable
{
    private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(120);
    private readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "registry-e2e-failing-" + Guid.NewGuid().ToString("N"));
    private readonly ConcurrentQueue<string> appHostLog = new();
    private DistributedApplication? app;

    [Fact]
    public async Task AFailingResourceIsReportedWithItsOwnErrorAndTheGatewayAnswers503()
    {
        var missingSeed = Path.Combine(dataDirectory, "no-such-seed.json");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Registry_AppHost>(
        [
            "--Registry:GatewayPort=0",
            $"--Registry:DataDirectory={dataDirectory}",
            $"--Registry:SeedFrom={missingSeed}",
            $"--Registry:CacheServer={CacheEngineChoice.AppHostSetting()}",
        ]);
        builder.Services.AddLogging(logging => logging.AddProvider(new QueueLoggerProvider(appHostLog)));
        app = await builder.BuildAsync();
        await app.StartAsync();

        var report = await WaitForLogAsync(line => line.Contains("Resource migrations exited with code", StringComparison.Ordinal));

        Assert.Contains("no-such-seed.json", report);
        using var client = new HttpClient { BaseAddress = app.GetEndpoint("gateway", "http"), Timeout = TimeSpan.FromSeconds(10) };
        using var read = await client.GetAsync("/v0.1/servers?limit=1");
        var problem = await ProblemAssert.IsProblemAsync(read, HttpStatusCode.ServiceUnavailable, "Service Unavailable");
        Assert.Contains("catalog", problem.GetProperty("detail").GetString());
    }

    private async Task<string> WaitForLogAsync(Func<string, bool> match)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < ReportTimeout)
        {
            if (appHostLog.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("No failure report within the time allowed. The AppHost wrote:\n" + string.Join("\n", appHostLog));
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(lines);

        public void Dispose()
        {
        }

        private sealed class QueueLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
