using System.Net;
using System.Text;
using System.Text.Json;
using Registry.Cli.Commands;

namespace Registry.Cli.Tests;

public sealed class MirrorStatusTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5000", "http://127.0.0.1:5000/status")]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5000/status")]
    [InlineData("http://127.0.0.1:8080/v0.1/x/dev.mcpregistry/mirror", "http://127.0.0.1:8080/v0.1/x/dev.mcpregistry/mirror")]
    public void ABareAddressMeansTheMirrorsOwnStatusRouteAndAPathIsUsedAsGiven(string address, string expected)
    {
        Assert.Equal(new Uri(expected), MirrorCommands.StatusUrl(new Uri(address)));
    }

    [Fact]
    public async Task TheStatusIsShownAsATableOrPassedThroughAsJson()
    {
        await using var mirror = await StatusServer.StartAsync(HttpStatusCode.OK, """{"upstream":"http://127.0.0.1:1/","lastSuccessfulSyncAt":"2026-12-01T10:00:00Z","mirroredVersions":3}""");

        var table = await CliRun.StartAsync("mirror", "status", "--mirror", mirror.Address);
        var json = await CliRun.StartAsync("mirror", "status", "--mirror", mirror.Address, "--json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains(table.Out.Split('\n'), l => l.Contains("lastSuccessfulSyncAt") && l.Contains("2026-12-01T10:00:00Z"));
        Assert.Equal(3, JsonDocument.Parse(json.Out).RootElement.GetProperty("mirroredVersions").GetInt32());
    }

    [Fact]
    public async Task AnErrorAnswerIsReportedWithItsProblemDetail()
    {
        await using var mirror = await StatusServer.StartAsync(HttpStatusCode.NotFound, """{"title":"Not Found","status":404,"detail":"Mirroring is not configured"}""");

        var run = await CliRun.StartAsync("mirror", "status", "--mirror", mirror.Address);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("404: Mirroring is not configured", run.Err);
    }

    /// <summary>A loopback HTTP server that answers every request with one body.</summary>
    private sealed class StatusServer : IAsyncDisposable
    {
        private readonly HttpListener listener;
        private readonly Task serving;

        private StatusServer(HttpListener listener, Task serving, string address)
        {
            this.listener = listener;
            this.serving = serving;
            Address = address;
        }

        public string Address { get; }

        public static Task<StatusServer> StartAsync(HttpStatusCode status, string body)
        {
            var port = new Uri(ClosedPort.Address()).Port;
            var listener = new HttpListener();
            var address = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(address);
            listener.Start();
            var serving = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    var bytes = Encoding.UTF8.GetBytes(body);
                    context.Response.StatusCode = (int)status;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
            return Task.FromResult(new StatusServer(listener, serving, address));
        }

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            listener.Close();
            await serving;
        }
    }
}
