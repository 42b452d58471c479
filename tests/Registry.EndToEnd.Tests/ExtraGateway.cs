using Aspire.Hosting;
using Registry.Testing;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Another gateway process in front of the same services and the same Redis as the AppHost's, as a second
/// instance behind a load balancer would be. Settings are passed as command-line configuration.
/// </summary>
internal sealed class ExtraGateway : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess process;

    private ExtraGateway(ChildProcess process, Uri address)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = address };
    }

    public HttpClient Client { get; }

    /// <summary>Starts on a free port; if another process takes it before the gateway binds it, again on another.</summary>
    public static Task<ExtraGateway> StartAsync(DistributedApplication app, params string[] settings) =>
        StartAsync(app, untilHealthy: true, settings);

    /// <param name="untilHealthy">false: return once the gateway answers at all, for gateways whose services are down.</param>
    public static async Task<ExtraGateway> StartAsync(DistributedApplication app, bool untilHealthy, params string[] settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            var gateway = await LaunchAsync(app, FreePort.Next(), settings);
            try
            {
                await gateway.WaitUntilAnsweringAsync(untilHealthy);
                return gateway;
            }
            catch (InvalidOperationException) when (attempt < PortRace.StartAttempts && PortRace.WasLost(gateway.process.Output))
            {
                await gateway.DisposeAsync();
            }
            catch
            {
                await gateway.DisposeAsync();
                throw;
            }
        }
    }

    private static async Task<ExtraGateway> LaunchAsync(DistributedApplication app, int port, string[] settings)
    {
        var cache = await app.GetConnectionStringAsync("cache");
        string[] arguments =
        [
            GatewayDll(),
            $"--urls=http://127.0.0.1:{port}",
            $"--ConnectionStrings:cache={cache}",
            .. new[] { "catalog", "publish", "verification", "mcp", "web" }.Select(service => $"--services:{service}:http:0={app.GetEndpoint(service, "http")}"),
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        // The gateway's appsettings.json (its log levels) is found from the working directory.
        var process = ChildProcess.Start(DotnetHost.Path, arguments, workingDirectory: Path.GetDirectoryName(arguments[0]));
        return new ExtraGateway(process, new Uri($"http://127.0.0.1:{port}"));
    }

    private async Task WaitUntilAnsweringAsync(bool untilHealthy)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The extra gateway exited with {process.ExitCode}:\n{process.Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health", timeout.Token);
                if (response.IsSuccessStatusCode || !untilHealthy)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The extra gateway did not become healthy:\n{process.Output}");
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    /// <summary>The gateway built beside this test run, in the same configuration.</summary>
    private static string GatewayDll()
    {
        var projectDirectory = Path.GetDirectoryName(new Projects.Registry_Gateway().ProjectPath)!;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(projectDirectory, "bin", configuration, "net10.0", "Registry.Gateway.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the gateway first; {dll} is missing.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await process.DisposeAsync();
    }
}
