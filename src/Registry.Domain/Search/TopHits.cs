namespace Registry.Domain.Search;

/// <summary>
/// The best <c>limit</c> entries seen so far, by score descending and then name, in a heap whose top is the entry to
/// drop first; an entry no better than that top is refused without touching the heap.
/// </summary>
internal sealed class TopHits(int limit)
{
    private readonly PriorityQueue<SearchDocument, Rank> heap = new(limit + 1, WorseFirst.Instance);

    public void Offer(int tenths, SearchDocument document)
    {
        var rank = new Rank(tenths, document.Name);
        if (heap.Count < limit)
        {
            heap.Enqueue(document, rank);
        }
        else if (heap.TryPeek(out _, out var worst) && WorseFirst.Instance.Compare(worst, rank) < 0)
        {
            heap.DequeueEnqueue(document, rank);
        }
    }

    public List<SearchIndexHit> BestFirst()
    {
        var hits = new List<SearchIndexHit>(heap.Count);
        while (heap.TryDequeue(out var document, out var rank))
        {
            hits.Add(new SearchIndexHit(document.Name, document.Version, rank.Tenths / 10m));
        }

        hits.Reverse();
        return hits;
    }

    private readonly record struct Rank(int Tenths, string Name);

    private sealed class WorseFirst : IComparer<Rank>
    {
        public static readonly WorseFirst Instance = new();

        public int Compare(Rank x, Rank y) => x.Tenths != y.Tenths ? x.Tenths.CompareTo(y.Tenths) : string.CompareOrdinal(y.Name, x.Name);
    }
}
