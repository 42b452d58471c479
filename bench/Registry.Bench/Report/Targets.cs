using Registry.Bench.Load;
using Registry.Bench.Mirror;
using Registry.Bench.Relevance;
using Registry.Bench.Replicas;
using Registry.Bench.Stress;

namespace Registry.Bench.Report;

/// <summary>
/// The goals the figures are held to. A figure with failed requests does not count: a target whose run had non-2xx
/// responses or socket errors fails whatever its throughput.
/// </summary>
public static class Targets
{
    private const int Large = 100_000;
    private const int Small = 1_000;

    public static void Print(TextWriter output, IReadOnlyList<RoundResult> rounds, RelevanceResult? relevance)
    {
        output.WriteLine();
        output.WriteLine("targets");
        var large = rounds.FirstOrDefault(r => r.Versions == Large);
        var small = rounds.FirstOrDefault(r => r.Versions == Small);

        foreach (var round in rounds)
        {
            var floor = round[Scenarios.Floor];
            var cached = round[Scenarios.CachedList];
            if (floor is not null && cached is not null)
            {
                var ratio = cached.RequestsPerSecond / floor.RequestsPerSecond;
                Line(output, ratio >= 0.85 && cached.Failures == 0,
                    $"cached list >= 85% of floor at {round.Versions:N0}", $"{ratio:P0}{Errors(cached)}");
            }
        }

        if (large is null)
        {
            output.WriteLine($"  [ -- ] targets at {Large:N0} versions: that size was not run");
        }
        else
        {
            foreach (var (name, share) in new[] { (Scenarios.UncachedList, 0.20), (Scenarios.GetVersion, 0.35) })
            {
                var r = large[name]!;
                Line(output, r.RequestsPerSecond >= 3000 && r.Failures == 0,
                    $"{name} >= 3,000 req/s at {Large:N0}", $"{r.RequestsPerSecond:N0} req/s{Errors(r)}");
                if (large[Scenarios.Floor] is { } floor)
                {
                    var ratio = r.RequestsPerSecond / floor.RequestsPerSecond;
                    Line(output, ratio >= share && r.Failures == 0, $"{name} >= {share:P0} of floor at {Large:N0}", $"{ratio:P0}{Errors(r)}");
                }
            }

            var search = large[Scenarios.Search]!;
            Line(output, search.P95Ms < 50 && search.Failures == 0,
                $"search p95 < 50 ms at {Large:N0}", $"{search.P95Ms:0.00} ms{Errors(search)}");
            if (large[Scenarios.SearchFewClients] is { } few)
            {
                output.WriteLine($"  [info] search p95 with {Scenarios.FewClients} connections at {Large:N0}: {few.P95Ms:0.00} ms{Errors(few)}");
            }

            var rankedFew = large[Scenarios.RankedSearchFewClients]!;
            Line(output, rankedFew.P95Ms < 30 && rankedFew.Failures == 0,
                $"ranked search p95 < 30 ms from {Scenarios.FewClients} connections at {Large:N0}", $"{rankedFew.P95Ms:0.00} ms{Errors(rankedFew)}");
            var ranked = large[Scenarios.RankedSearch]!;
            Line(output, ranked.P95Ms < 100 && ranked.Failures == 0,
                $"ranked search p95 < 100 ms from {BenchOptions.Connections} connections at {Large:N0}", $"{ranked.P95Ms:0.00} ms{Errors(ranked)}");

            PageTargets.Print(output, large);

            if (small is null)
            {
                output.WriteLine($"  [ -- ] list p50 at {Large:N0} <= 1.2x at {Small:N0}: {Small:N0} was not run");
            }
            else
            {
                var (p50Large, p50Small) = (large[Scenarios.UncachedList]!.P50Ms, small[Scenarios.UncachedList]!.P50Ms);
                Line(output, p50Large <= 1.2 * p50Small,
                    $"uncached list p50 at {Large:N0} <= 1.2x at {Small:N0}", $"{p50Large:0.00} ms vs {p50Small:0.00} ms ({p50Large / p50Small:0.00}x)");
            }
        }

        foreach (var round in rounds)
        {
            var publish = round[Scenarios.Publish]!;
            Line(output, publish.RequestsPerSecond >= 200 && publish.Failures == 0 && round.Publish.Violations == 0,
                $"publish >= 200/s with one latest per name at {round.Versions:N0}",
                $"{publish.RequestsPerSecond:N0}/s, {round.Publish.Violations} names without exactly one latest{Errors(publish)}");
            Line(output, publish.P99Ms < 100 && publish.Failures == 0 && round.Publish.Violations == 0,
                $"publish p99 < 100 ms from {BenchOptions.Connections} connections with one latest per name at {round.Versions:N0}",
                $"{publish.P99Ms:0.00} ms, {round.Publish.Violations} names without exactly one latest{Errors(publish)}");
        }

        if (relevance is not null)
        {
            Relevance(output, relevance);
        }
    }

    /// <summary>The stress round against the 100k size round, and the replica round's ratios (a ratio has no target: on two cores below 1 is honest).</summary>
    public static void PrintStressAndReplicas(TextWriter output, IReadOnlyList<RoundResult> rounds, StressResult? stress, ReplicaResult? replicas)
    {
        if (stress is not null)
        {
            Line(output, stress.SeedDuration < TimeSpan.FromMinutes(3),
                $"seed of {stress.Versions:N0} versions < 3 min", $"{stress.SeedDuration.TotalSeconds:0.0} s");
            var stressList = stress[Scenarios.UncachedList]!;
            if (rounds.FirstOrDefault(r => r.Versions == Large) is { } large)
            {
                var p50Large = large[Scenarios.UncachedList]!.P50Ms;
                Line(output, stressList.P50Ms <= 1.5 * p50Large && stressList.Failures == 0,
                    $"uncached list p50 at {stress.Versions:N0} <= 1.5x at {Large:N0}",
                    $"{stressList.P50Ms:0.00} ms vs {p50Large:0.00} ms ({stressList.P50Ms / p50Large:0.00}x){Errors(stressList)}");
            }
            else
            {
                output.WriteLine($"  [ -- ] uncached list p50 at {stress.Versions:N0} <= 1.5x at {Large:N0}: {Large:N0} was not run "
                    + $"({stressList.P50Ms:0.00} ms at {stress.Versions:N0})");
            }
        }

        if (replicas is not null)
        {
            foreach (var name in ReplicaRoundRunner.Measured)
            {
                if (replicas[1, name] is { } one && replicas[2, name] is { } two)
                {
                    output.WriteLine($"  [info] {name} with two replicas of each / one at {replicas.Versions:N0}: "
                        + $"{two.RequestsPerSecond / one.RequestsPerSecond:0.00} ({two.RequestsPerSecond:N0} vs {one.RequestsPerSecond:N0} req/s; "
                        + $"CPU {two.CpuMsPerRequest:0.000} vs {one.CpuMsPerRequest:0.000} ms per request)");
                }
            }

            if (replicas[2, Scenarios.UncachedList] is { } uncached)
            {
                var share = ReplicaPrinter.SmallerShare(uncached, "catalog");
                Line(output, share >= 0.2 && uncached.Failures == 0, "uncached list with two catalogs reaches both (the less busy one >= 20% of their CPU)",
                    $"{share:P0}");
            }
        }
    }

    private static void Relevance(TextWriter output, RelevanceResult relevance)
    {
        var over = $"over {relevance.Outcomes.Count} queries";
        Line(output, relevance.RecallAt5 >= 0.9, "judged set recall@5 >= 0.9", $"{relevance.RecallAt5:0.000} {over}");
        Line(output, relevance.MeanReciprocalRank >= 0.8, "judged set MRR >= 0.8", $"{relevance.MeanReciprocalRank:0.000} {over}");
    }

    /// <summary>The mirror round's goals: the whole upstream stored by a first pass under a minute, and an idle pass under two seconds.</summary>
    public static void PrintMirror(TextWriter output, MirrorRoundResult? mirror)
    {
        foreach (var (met, target, measured) in mirror is null ? [] : MirrorTargets.Lines(mirror))
        {
            Line(output, met, target, measured);
        }
    }

    private static string Errors(WrkResult r) =>
        r.Failures == 0 ? "" : $", {r.Non2xx:N0} non-2xx and {r.SocketErrors:N0} socket errors";

    private static void Line(TextWriter output, bool met, string target, string measured) =>
        output.WriteLine($"  [{(met ? "PASS" : "FAIL")}] {target}: {measured}");
}
