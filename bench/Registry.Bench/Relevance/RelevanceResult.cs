namespace Registry.Bench.Relevance;

/// <summary>Every judged query's outcome against a catalog of <paramref name="Entries"/> entries, and their means.</summary>
public sealed record RelevanceResult(int Entries, IReadOnlyList<QueryOutcome> Outcomes)
{
    public double RecallAt5 => Outcomes.Average(o => o.RecallAt5);

    public double MeanReciprocalRank => Outcomes.Average(o => o.ReciprocalRank);
}
