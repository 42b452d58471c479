namespace Registry.Bench.Mirror;

/// <summary>The mirror round's table: per pass its time, upstream requests and what it read and wrote; then rows and memory.</summary>
public static class MirrorRoundPrinter
{
    public static void Print(TextWriter output, MirrorRoundResult round)
    {
        output.WriteLine();
        output.WriteLine("== mirror of the official-shaped catalog from loopback ==");
        output.WriteLine($"upstream: {round.Catalog}");
        output.WriteLine($"mirror start to its first upstream request: {round.Startup.TotalSeconds:0.00} s");
        output.WriteLine();
        output.WriteLine($"{"pass",-22} {"seconds",9} {"logged s",9} {"requests",9} {"pages",7} {"read",8} {"written",8}");
        Row(output, "first (all new)", round.FirstPass);
        Row(output, "second (nothing new)", round.SecondPass);
        output.WriteLine();
        output.WriteLine($"stored after both passes: {round.StoredVersions:N0} versions of {round.UpstreamVersions:N0} upstream, {round.StoredLatest:N0} latest");
        if (round.FirstPassCpu is { } cpu)
        {
            output.WriteLine($"CPU from the mirror's start to the end of the first pass: mirror {cpu.Mirror.TotalSeconds:0.0} s, PostgreSQL {cpu.Postgres.TotalSeconds:0.0} s "
                + $"(over {(round.Startup + round.FirstPass.Duration).TotalSeconds:0.0} s on {Environment.ProcessorCount} cores shared with everything else)");
        }

        output.WriteLine($"mirror peak memory (VmHWM): {(round.PeakKilobytes is { } kb ? $"{kb / 1024.0:N0} MB" : "n/a")}");
    }

    private static void Row(TextWriter output, string name, MirrorPassResult pass) =>
        output.WriteLine($"{name,-22} {pass.Duration.TotalSeconds,9:0.00} {(pass.LoggedMs is { } ms ? $"{ms / 1000:0.00}" : "n/a"),9} "
            + $"{pass.Requests,9:N0} {Text(pass.Pages),7} {Text(pass.Read),8} {Text(pass.Written),8}");

    private static string Text(int? value) => value is { } v ? $"{v:N0}" : "n/a";
}
