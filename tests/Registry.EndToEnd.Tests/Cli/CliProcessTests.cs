using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary>The built tool as a user runs it: its own process, its exit code and its standard output.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class CliProcessTests(RegistryAppFixture registry)
{
    [Fact]
    public async Task TheBuiltToolReadsAServerAndExitsZero()
    {
        var name = SampleSeed.Versions()[0].Name;

        var (code, stdout, stderr) = await RunToolAsync("servers", "get", name, "--json", "--catalog", registry.App.GetEndpoint("catalog", "http").ToString());

        Assert.True(code == 0, $"exit {code}: {stderr}");
        Assert.Equal(name, JsonNode.Parse(stdout)!["server"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task TheBuiltToolExitsWithTheUsageCodeForAnUnknownCommand()
    {
        var (code, stdout, stderr) = await RunToolAsync("frobnicate");

        Assert.Equal(Registry.Cli.ExitCodes.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("'frobnicate'", stderr);
    }

    private static async Task<(int Code, string Out, string Err)> RunToolAsync(params string[] args)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "Registry.Cli.dll");
        Assert.True(File.Exists(tool), $"{tool} was not built");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
