using System.Net;
using System.Net.Sockets;
using Registry.Cli.Output;

namespace Registry.Cli.Tests;

public sealed class InterruptionTests
{
    [Fact]
    public async Task ACallInterruptedWhileTheServiceIsSilentEndsWithTheInterruptedCode()
    {
        // Accepts connections and never answers, so that the call is still waiting when it is interrupted.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        using var interrupt = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["servers", "list", "--catalog", address], output, error,
            new Dictionary<string, string?>(), Terminals.None, interrupt.Token);

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Equal("Interrupted.", error.ToString().Trim());
    }
}
