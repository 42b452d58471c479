using System.Globalization;
using System.Text.RegularExpressions;
using Registry.Testing;

namespace Registry.Bench.Load;

/// <summary>
/// Runs wrk with <see cref="BenchOptions.Threads"/> threads and <see cref="BenchOptions.Connections"/> connections
/// unless told otherwise.
/// Every script ends with report.lua's <c>done()</c>, which prints one <c>BENCH-RESULT</c> line with exact
/// percentiles and error counts; requests per second come from wrk's own summary.
/// </summary>
public sealed partial class Wrk(string scriptDirectory)
{
    public async Task<WrkResult> RunAsync(
        Uri target, string script, IReadOnlyList<string> scriptArguments, int seconds, CancellationToken cancellationToken,
        int connections = BenchOptions.Connections)
    {
        string[] arguments =
        [
            "-t", BenchOptions.Threads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds}s",
            "--timeout", "10s",
            "--latency",
            "-s", Path.Combine(scriptDirectory, script),
            target.ToString(),
            "--",
            .. scriptArguments,
        ];
        var output = await ChildProcess.RunAsync("wrk", arguments, timeout: TimeSpan.FromSeconds(seconds + 60), cancellationToken: cancellationToken);
        return Parse(output);
    }

    public static WrkResult Parse(string output)
    {
        var rps = RequestsPerSecond().Match(output);
        var result = ResultLine().Match(output);
        if (!rps.Success || !result.Success)
        {
            throw new FormatException($"wrk printed no result:\n{output}");
        }

        var fields = result.Groups["fields"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('='))
            .ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        double Ms(string key) => fields[key] / 1000.0;
        var failed = FailedStatus().Matches(output).ToDictionary(
            m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        return new WrkResult(
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            (long)fields["requests"],
            Ms("p50_us"), Ms("p90_us"), Ms("p95_us"), Ms("p99_us"), Ms("max_us"),
            (long)fields["non2xx"],
            (long)(fields["connect"] + fields["read"] + fields["write"] + fields["timeout"]),
            failed);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"BENCH-STATUS ([0-9]+)=([0-9]+)")]
    private static partial Regex FailedStatus();

    [GeneratedRegex(@"BENCH-RESULT(?<fields>( [a-z0-9_]+=[0-9.]+)+)")]
    private static partial Regex ResultLine();
}
