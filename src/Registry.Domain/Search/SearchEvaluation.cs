using System.Runtime.InteropServices;

namespace Registry.Domain.Search;

/// <summary>
/// One ranked search over the index, under its read lock. Each query word is widened to the words it begins (three
/// letters or more, otherwise only itself) and to up to four similar words (typos); a name matches when any widened
/// word is one of its words. Every match is scored (<see cref="SearchScore"/>) and counted into the facets; the page
/// keeps the best <c>limit</c> after the cursor, by score descending and then name.
/// </summary>
internal static class SearchEvaluation
{
    private const int OwnBits = 6;
    private const int TypoBits = 5;
    private const ulong ExactNamePartBit = 1 << 5;
    private const ulong FieldMask = (1 << 5) - 1;

    public static SearchIndexPage Run(SearchIndex index, SearchQuery query, long position)
    {
        var matches = Match(index, query.Words);
        var facets = new FacetTally();
        var page = new PriorityQueue<SearchIndexHit, SearchIndexHit>(query.Limit + 1, WorseFirst.Instance);
        foreach (var (id, found) in matches)
        {
            var document = index.Document(id);
            if (query.Namespace is not null && !document.NameLower.StartsWith(query.Namespace, StringComparison.Ordinal))
            {
                continue;
            }

            var filters = new FilterResult(
                Type: query.RegistryType is null || document.RegistryTypes.Contains(query.RegistryType),
                Transport: query.Transport is null || document.Transports.Contains(query.Transport),
                Remote: query.HasRemote is null || document.HasRemote == query.HasRemote,
                Status: document.Status == query.Status);
            facets.Count(document, filters);
            if (!filters.All)
            {
                continue;
            }

            var hit = new SearchIndexHit(document.Name, document.Version, Score(document, query, found));
            if (query.After is { } after && !IsAfter(hit, after))
            {
                continue;
            }

            page.Enqueue(hit, hit);
            if (page.Count > query.Limit)
            {
                page.Dequeue();
            }
        }

        var hits = new List<SearchIndexHit>(page.Count);
        while (page.Count > 0)
        {
            hits.Add(page.Dequeue());
        }

        hits.Reverse();
        return new SearchIndexPage(hits, facets.ToCounts(), position);
    }

    private static Dictionary<int, Found> Match(SearchIndex index, IReadOnlyList<string> words)
    {
        var matches = new Dictionary<int, Found>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var widened = word.Length >= WordVocabulary.MinWidenedLength;
            IEnumerable<string> own = widened ? index.Vocabulary.StartingWith(word) : index.HasWord(word) ? [word] : [];
            foreach (var known in own)
            {
                foreach (var posting in index.PostingsOf(known))
                {
                    var bits = (ulong)posting.Fields;
                    if (known == word && posting.Fields.HasFlag(SearchFields.Name))
                    {
                        bits |= ExactNamePartBit;
                    }

                    CollectionsMarshal.GetValueRefOrAddDefault(matches, posting.Id, out _).Own |= bits << (i * OwnBits);
                }
            }

            if (!widened)
            {
                continue;
            }

            foreach (var similar in index.Vocabulary.SimilarTo(word))
            {
                foreach (var posting in index.PostingsOf(similar))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(matches, posting.Id, out _).Typo |= (ulong)posting.Fields << (i * TypoBits);
                }
            }
        }

        return matches;
    }

    private static decimal Score(SearchDocument document, SearchQuery query, Found found)
    {
        var score = document.NameLower == query.Text ? SearchScore.ExactName : 0m;
        for (var i = 0; i < query.Words.Count; i++)
        {
            var own = found.Own >> (i * OwnBits);
            score += SearchScore.Of(new WordMatch(
                Own: (SearchFields)(own & FieldMask),
                Typo: (SearchFields)((found.Typo >> (i * TypoBits)) & FieldMask),
                ExactNamePart: (own & ExactNamePartBit) != 0));
        }

        return score;
    }

    private static bool IsAfter(SearchIndexHit hit, SearchPosition after) =>
        hit.Score < after.Score || hit.Score == after.Score && string.CompareOrdinal(hit.Name, after.Name) > 0;

    /// <summary>Per query word, the fields it was found in: <see cref="OwnBits"/> bits each as itself, <see cref="TypoBits"/> as a typo.</summary>
    private struct Found
    {
        public ulong Own;
        public ulong Typo;
    }

    /// <summary>Orders the page's heap so that the entry to drop first (lowest score, then last name) is at its top.</summary>
    private sealed class WorseFirst : IComparer<SearchIndexHit>
    {
        public static readonly WorseFirst Instance = new();

        public int Compare(SearchIndexHit? x, SearchIndexHit? y)
        {
            var byScore = x!.Score.CompareTo(y!.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.Name, x.Name);
        }
    }
}
