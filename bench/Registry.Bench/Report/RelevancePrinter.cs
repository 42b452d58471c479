using Registry.Bench.Relevance;

namespace Registry.Bench.Report;

/// <summary>The judged set's recall@5 and MRR, then every query that did not find all it should, first.</summary>
public static class RelevancePrinter
{
    public static void Print(TextWriter output, RelevanceResult relevance)
    {
        output.WriteLine();
        output.WriteLine($"== relevance: {relevance.Outcomes.Count} judged queries over {relevance.Entries} entries (bench/search) ==");
        output.WriteLine($"recall@5 {relevance.RecallAt5:0.000}, MRR {relevance.MeanReciprocalRank:0.000}");
        var missed = relevance.Outcomes.Where(o => o.Missed).ToList();
        output.WriteLine(missed.Count == 0
            ? "every query found all its expected names in the top 5, the best first"
            : $"{missed.Count} queries missed (an expected name outside the top 5, or another name first):");
        foreach (var outcome in missed)
        {
            var first = outcome.FirstExpectedRank is { } rank ? $"first expected at {rank}" : "no expected name in the top 10";
            output.WriteLine($"  {outcome.Query.Q}: recall@5 {outcome.RecallAt5:0.00}, {first}; got {string.Join(", ", outcome.Found.Take(5))}");
        }
    }
}
