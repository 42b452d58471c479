namespace Registry.Domain.Search;

/// <summary>
/// The indexed names in ordinal order, as a number per document id that sorts the same way, so that ranking can break
/// ties by name without reading the names (on a broad query, reading 20,000 scattered strings cost more than all the
/// scoring). A new name takes the number halfway between its neighbours'; when no number is left between them, all
/// are numbered again, which the wide spacing makes rare.
/// </summary>
internal sealed class NameOrder
{
    private const long Spacing = 1L << 32;

    private readonly List<(string Name, int Id)> sorted = [];
    private readonly List<long> rankById = [];

    public long RankOf(int id) => rankById[id];

    /// <summary>
    /// The number of the last indexed name at or before <paramref name="name"/> (0 when there is none), so that a document
    /// sorts after <paramref name="name"/> exactly when its number is greater, whether or not that name is indexed.
    /// </summary>
    public long RankAtOrBefore(string name)
    {
        var at = Find(name);
        var last = at >= 0 ? at : ~at - 1;
        return last >= 0 ? rankById[sorted[last].Id] : 0;
    }

    public void Load(IEnumerable<(string Name, int Id)> names)
    {
        sorted.Clear();
        sorted.AddRange(names);
        sorted.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        Renumber();
    }

    public void Add(string name, int id)
    {
        var at = ~Find(name);
        sorted.Insert(at, (name, id));
        var lower = at > 0 ? rankById[sorted[at - 1].Id] : 0;
        var upper = at + 1 < sorted.Count ? rankById[sorted[at + 1].Id] : lower + 2 * Spacing;
        if (upper - lower < 2)
        {
            Renumber();
            return;
        }

        SetRank(id, lower + (upper - lower) / 2);
    }

    public void Remove(string name)
    {
        var at = Find(name);
        if (at >= 0)
        {
            sorted.RemoveAt(at);
        }
    }

    /// <summary>The position of <paramref name="name"/>, or the complement of where it would go.</summary>
    private int Find(string name)
    {
        int low = 0, high = sorted.Count - 1;
        while (low <= high)
        {
            var middle = low + (high - low) / 2;
            var order = string.CompareOrdinal(sorted[middle].Name, name);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }

    private void Renumber()
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            SetRank(sorted[i].Id, (i + 1) * Spacing);
        }
    }

    private void SetRank(int id, long rank)
    {
        while (rankById.Count <= id)
        {
            rankById.Add(0);
        }

        rankById[id] = rank;
    }
}
