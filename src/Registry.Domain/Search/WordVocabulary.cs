namespace Registry.Domain.Search;

/// <summary>
/// The words the index holds, for widening a query word: to every word it begins (prefix matching) and to the known
/// words nearest to it by trigrams (typos). Not thread-safe: <see cref="SearchIndex"/> guards it.
/// </summary>
internal sealed class WordVocabulary
{
    /// <summary>Shorter words are matched exactly: as a prefix or a typo they would match nearly anything.</summary>
    public const int MinWidenedLength = 3;

    private const int NearestConsidered = 12;
    private const int SimilarKept = 4;
    private const double MinSimilarity = 0.35;

    private readonly SortedSet<string> sorted = new(StringComparer.Ordinal);
    private readonly Dictionary<int, HashSet<string>> wordsByTrigram = [];
    private readonly Dictionary<string, int> trigramCounts = new(StringComparer.Ordinal);

    public void Add(string word)
    {
        sorted.Add(word);
        if (word.Length < MinWidenedLength)
        {
            return;
        }

        var trigrams = Trigrams.Of(word);
        trigramCounts[word] = trigrams.Count;
        foreach (var trigram in trigrams)
        {
            if (!wordsByTrigram.TryGetValue(trigram, out var words))
            {
                wordsByTrigram[trigram] = words = new HashSet<string>(StringComparer.Ordinal);
            }

            words.Add(word);
        }
    }

    public void Remove(string word)
    {
        sorted.Remove(word);
        if (!trigramCounts.Remove(word))
        {
            return;
        }

        foreach (var trigram in Trigrams.Of(word))
        {
            if (wordsByTrigram.TryGetValue(trigram, out var words) && words.Remove(word) && words.Count == 0)
            {
                wordsByTrigram.Remove(trigram);
            }
        }
    }

    /// <summary>Every known word that begins with <paramref name="prefix"/>, itself included.</summary>
    public IEnumerable<string> StartingWith(string prefix) =>
        // Words hold only [a-z0-9], all ordered before '{', so the view ends after the last word with the prefix.
        sorted.GetViewBetween(prefix, prefix + "{");

    /// <summary>
    /// Up to four known words similar to <paramref name="word"/> (similarity 0.35 or more), nearest first, taken from its
    /// twelve nearest; words it begins are left out, since the prefix already matches them.
    /// </summary>
    public IReadOnlyList<string> SimilarTo(string word)
    {
        var trigrams = Trigrams.Of(word);
        var shared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trigram in trigrams)
        {
            if (wordsByTrigram.TryGetValue(trigram, out var words))
            {
                foreach (var known in words)
                {
                    shared[known] = shared.GetValueOrDefault(known) + 1;
                }
            }
        }

        return shared
            .Select(s => (Word: s.Key, Similarity: Trigrams.Similarity(s.Value, trigrams.Count, trigramCounts[s.Key])))
            .OrderByDescending(c => c.Similarity)
            .ThenBy(c => c.Word, StringComparer.Ordinal)
            .Take(NearestConsidered)
            .Where(c => c.Similarity >= MinSimilarity && !c.Word.StartsWith(word, StringComparison.Ordinal))
            .Take(SimilarKept)
            .Select(c => c.Word)
            .ToList();
    }
}
