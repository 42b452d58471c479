using Registry.Cli;

namespace Registry.Cli.Tests;

/// <summary>One in-process run of the CLI with captured output.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static async Task<CliRun> StartAsync(IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApplication.RunAsync(args, output, error, environment ?? new Dictionary<string, string?>());
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public static Task<CliRun> StartAsync(params string[] args) => StartAsync(null, args);
}
