namespace Registry.Domain.Search;

/// <summary>
/// The best <c>limit</c> documents seen so far, by score descending and then name (by <see cref="SearchIndex.NameRank"/>),
/// in a heap whose top is the one to drop first; a document no better than that top is refused without touching the heap.
/// </summary>
internal sealed class TopHits(SearchIndex index, int limit)
{
    private readonly PriorityQueue<int, Rank> heap = new(limit + 1, WorseFirst.Instance);

    public void Offer(int tenths, int id)
    {
        var rank = new Rank(tenths, index.NameRank(id));
        if (heap.Count < limit)
        {
            heap.Enqueue(id, rank);
        }
        else if (heap.TryPeek(out _, out var worst) && WorseFirst.Instance.Compare(worst, rank) < 0)
        {
            heap.DequeueEnqueue(id, rank);
        }
    }

    public List<SearchIndexHit> BestFirst()
    {
        var hits = new List<SearchIndexHit>(heap.Count);
        while (heap.TryDequeue(out var id, out var rank))
        {
            var document = index.Document(id);
            hits.Add(new SearchIndexHit(document.Name, document.Version, rank.Tenths / 10m));
        }

        hits.Reverse();
        return hits;
    }

    private readonly record struct Rank(int Tenths, long NameRank);

    private sealed class WorseFirst : IComparer<Rank>
    {
        public static readonly WorseFirst Instance = new();

        public int Compare(Rank x, Rank y) => x.Tenths != y.Tenths ? x.Tenths.CompareTo(y.Tenths) : y.NameRank.CompareTo(x.NameRank);
    }
}
