using System.Runtime.InteropServices;
using Registry.Bench;
using Registry.Bench.Load;
using Registry.Bench.Mirror;
using Registry.Bench.Relevance;
using Registry.Bench.Replicas;
using Registry.Bench.Report;
using Registry.Bench.Seed;
using Registry.Bench.Stack;
using Registry.Bench.Stress;

var options = BenchOptions.Parse(args);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var work = Directory.CreateTempSubdirectory("registry-bench-");
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
var runner = new RoundRunner(options, new ReleaseOutputs(options), new Wrk(Path.Combine(options.Root, "bench", "wrk")), http, Console.Out);
try
{
    MachineHeader.Print(Console.Out, options);
    var rounds = new List<RoundResult>();
    foreach (var size in options.Runs("sizes") ? options.Sizes : [])
    {
        var round = await runner.RunAsync(size, Path.Combine(work.FullName, $"round-{size}"), stop.Token);
        rounds.Add(round);
        RoundPrinter.Print(Console.Out, round);
    }

    RelevanceResult? relevance = null;
    if (options.Runs("relevance"))
    {
        relevance = await new RelevanceRunner(options, new ReleaseOutputs(options), http, Console.Out)
            .RunAsync(Path.Combine(work.FullName, "relevance"), stop.Token);
        RelevancePrinter.Print(Console.Out, relevance);
    }

    StressResult? stress = null;
    if (options.Runs("stress") && options.StressVersions > 0)
    {
        stress = await new StressRoundRunner(runner, new ReleaseOutputs(options), http, Console.Out)
            .RunAsync(options.StressVersions, Path.Combine(work.FullName, "stress"), stop.Token);
        StressPrinter.Print(Console.Out, stress);
    }

    ReplicaResult? replicas = null;
    if (options.Runs("replicas") && options.ReplicaVersions > 0)
    {
        replicas = await new ReplicaRoundRunner(options, new ReleaseOutputs(options), new Wrk(Path.Combine(options.Root, "bench", "wrk")), http, Console.Out)
            .RunAsync(options.ReplicaVersions, Path.Combine(work.FullName, "replicas"), stop.Token);
        ReplicaPrinter.Print(Console.Out, replicas);
    }

    var officialShaped = options.Runs("official") || options.Runs("mirror") ? OfficialShapedCatalog.Generate() : null;
    if (officialShaped is not null)
    {
        Console.WriteLine($"official-shaped catalog: {officialShaped.Summary}");
    }

    MirrorRoundResult? mirror = null;
    if (officialShaped is not null && options.Runs("mirror"))
    {
        mirror = await new MirrorRoundRunner(options, new ReleaseOutputs(options), http, Console.Out).RunAsync(officialShaped, stop.Token);
        MirrorRoundPrinter.Print(Console.Out, mirror);
    }

    if (officialShaped is not null && options.Runs("official"))
    {
        var official = await new OfficialShapedRoundRunner(options, new ReleaseOutputs(options), new Wrk(Path.Combine(options.Root, "bench", "wrk")), http, Console.Out)
            .RunAsync(officialShaped, Path.Combine(work.FullName, "official"), stop.Token);
        OfficialShapedRoundPrinter.Print(Console.Out, official);
    }

    Targets.Print(Console.Out, rounds, relevance);
    Targets.PrintStressAndReplicas(Console.Out, rounds, stress, replicas);
    Targets.PrintMirror(Console.Out, mirror);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped; every process has been shut down.");
    return 130;
}
catch (Exception error) when (error is InvalidOperationException or TimeoutException or FileNotFoundException or HttpRequestException or FormatException)
{
    Console.Error.WriteLine($"The benchmark failed: {error.Message}");
    return 1;
}
finally
{
    Directory.Delete(work.FullName, recursive: true);
}
