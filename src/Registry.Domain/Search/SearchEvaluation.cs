using System.Buffers;

namespace Registry.Domain.Search;

/// <summary>
/// One ranked search over the index, under its read lock. Each query word is widened to the words it begins (three
/// letters or more, otherwise only itself) and to up to four similar words (typos); a name matches when any widened
/// word is one of its words. Every match is scored (<see cref="SearchScore"/>) and counted into the facets; the page
/// keeps the best <c>limit</c> after the cursor, by score descending and then name. A broad query matches every
/// name, so the loop over matches reads only per-document arrays and numbers (whole tenths, name ranks), and reads a
/// document itself only for the page.
/// </summary>
internal static class SearchEvaluation
{
    private const int OwnBits = 6;
    private const int TypoBits = 5;
    private const ulong ExactNamePartBit = 1 << 5;
    private const int FieldMask = (1 << 5) - 1;

    /// <summary>A word's score in tenths, by its own bits (fields and exact name part) times 32 plus its typo fields.</summary>
    private static readonly int[] TenthsByBits = Enumerable.Range(0, 1 << (OwnBits + TypoBits))
        .Select(bits => (int)(10 * SearchScore.Of(new WordMatch(
            Own: (SearchFields)((bits >> TypoBits) & FieldMask),
            Typo: (SearchFields)(bits & FieldMask),
            ExactNamePart: ((ulong)(bits >> TypoBits) & ExactNamePartBit) != 0))))
        .ToArray();

    private static readonly int ExactNameTenths = (int)(10 * SearchScore.ExactName);

    public static SearchIndexPage Run(SearchIndex index, SearchQuery query, long position)
    {
        var capacity = index.Capacity;
        var own = ArrayPool<ulong>.Shared.Rent(Math.Max(capacity, 1));
        var typo = ArrayPool<ulong>.Shared.Rent(Math.Max(capacity, 1));
        try
        {
            Array.Clear(own, 0, capacity);
            Array.Clear(typo, 0, capacity);
            var matched = Match(index, query.Words, own, typo);
            var filter = new QueryFilter(index, query);
            var facets = new FacetTally(index);
            var page = new TopHits(index, query.Limit);
            var exactName = index.IdsNamed(query.Text);
            foreach (var id in matched)
            {
                if (query.Namespace is not null && !index.Document(id).NameLower.StartsWith(query.Namespace, StringComparison.Ordinal))
                {
                    continue;
                }

                var facts = index.Facts(id);
                var filters = filter.Test(facts);
                facets.Count(facts, filters);
                if (!filters.All)
                {
                    continue;
                }

                var tenths = (exactName.Count > 0 && exactName.Contains(id) ? ExactNameTenths : 0) + WordTenths(query.Words.Count, own[id], typo[id]);
                if (query.After is not { } after || IsAfter(tenths, index.Document(id).Name, after))
                {
                    page.Offer(tenths, id);
                }
            }

            return new SearchIndexPage(page.BestFirst(), facets.ToCounts(), position);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(own);
            ArrayPool<ulong>.Shared.Return(typo);
        }
    }

    /// <summary>Sets each matching document's bits and returns the documents matched, each once.</summary>
    private static List<int> Match(SearchIndex index, IReadOnlyList<string> words, ulong[] own, ulong[] typo)
    {
        var matched = new List<int>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var widened = word.Length >= WordVocabulary.MinWidenedLength;
            IEnumerable<string> ownWords = widened ? index.Vocabulary.StartingWith(word) : index.HasWord(word) ? [word] : [];
            foreach (var known in ownWords)
            {
                var isWord = known == word;
                foreach (var posting in index.PostingsOf(known))
                {
                    var bits = (ulong)posting.Fields;
                    if (isWord && posting.Fields.HasFlag(SearchFields.Name))
                    {
                        bits |= ExactNamePartBit;
                    }

                    if (own[posting.Id] == 0 && typo[posting.Id] == 0)
                    {
                        matched.Add(posting.Id);
                    }

                    own[posting.Id] |= bits << (i * OwnBits);
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
                    if (own[posting.Id] == 0 && typo[posting.Id] == 0)
                    {
                        matched.Add(posting.Id);
                    }

                    typo[posting.Id] |= (ulong)posting.Fields << (i * TypoBits);
                }
            }
        }

        return matched;
    }

    private static int WordTenths(int words, ulong own, ulong typo)
    {
        var tenths = 0;
        for (var i = 0; i < words; i++)
        {
            var ownBits = (int)((own >> (i * OwnBits)) & ((1 << OwnBits) - 1));
            var typoBits = (int)((typo >> (i * TypoBits)) & FieldMask);
            tenths += TenthsByBits[(ownBits << TypoBits) | typoBits];
        }

        return tenths;
    }

    private static bool IsAfter(int tenths, string name, SearchPosition after)
    {
        var score = tenths / 10m;
        return score < after.Score || score == after.Score && string.CompareOrdinal(name, after.Name) > 0;
    }
}
