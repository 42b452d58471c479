namespace Registry.Bench.Relevance;

/// <summary>
/// What one judged query found (the names of its top ten, best first), scored as SearchRelevanceTests does:
/// recall@5 is the share of the first five expected names found in the top five; the reciprocal rank is 1 over
/// the rank of the first of them in the top ten, 0 when none is there.
/// </summary>
public sealed record QueryOutcome(JudgedQuery Query, IReadOnlyList<string> Found)
{
    private IReadOnlyList<string> Judged => Query.Expected.Take(5).ToList();

    public double RecallAt5 => (double)Found.Take(5).Count(Judged.Contains) / Judged.Count;

    /// <summary>1-based; null when no expected name is in the top ten.</summary>
    public int? FirstExpectedRank => Found.Take(10).ToList().FindIndex(Judged.Contains) is >= 0 and var index ? index + 1 : null;

    public double ReciprocalRank => FirstExpectedRank is { } rank ? 1.0 / rank : 0;

    public bool Missed => RecallAt5 < 1 || FirstExpectedRank != 1;
}
