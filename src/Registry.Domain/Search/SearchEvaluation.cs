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
        var matchedIds = ArrayPool<int>.Shared.Rent(Math.Max(capacity, 1));
        try
        {
            Array.Clear(own, 0, capacity);
            Array.Clear(typo, 0, capacity);
            var count = query.Browses ? Every(index, matchedIds) : Match(index, query.Words, own, typo, matchedIds);
            var matched = matchedIds.AsSpan(0, count);
            var after = query.After is { } cursor ? new CursorBound(cursor.Score, index.NameRankAtOrBefore(cursor.Name)) : (CursorBound?)null;
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

                if (query.Annotations is { Count: > 0 } annotations && !annotations.All(f => f.Matches(index.Document(id).Annotations)))
                {
                    continue;
                }

                if (query.HiddenPrefixes.Count > 0 && query.Hides(index.Document(id).Name))
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
                if (after is not { } bound || bound.Precedes(tenths, index.NameRank(id)))
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
            ArrayPool<int>.Shared.Return(matchedIds);
        }
    }

    /// <summary>Writes every document in the index (a browse); returns how many.</summary>
    private static int Every(SearchIndex index, int[] matched)
    {
        var count = 0;
        for (var id = 0; id < index.Capacity; id++)
        {
            if (index.Holds(id))
            {
                matched[count++] = id;
            }
        }

        return count;
    }

    /// <summary>Sets each matching document's bits and writes the documents matched, each once; returns how many.</summary>
    private static int Match(SearchIndex index, IReadOnlyList<string> words, ulong[] own, ulong[] typo, int[] matched)
    {
        var count = 0;
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
                        matched[count++] = posting.Id;
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
                        matched[count++] = posting.Id;
                    }

                    typo[posting.Id] |= (ulong)posting.Fields << (i * TypoBits);
                }
            }
        }

        return count;
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

    /// <summary>
    /// Where the cursor's page ended, in the loop's terms: its score in tenths (a cursor's score need not be a whole
    /// number of tenths) and <see cref="SearchIndex.NameRankAtOrBefore"/> of its name.
    /// </summary>
    private readonly struct CursorBound
    {
        // A cursor is the caller's text: a score far outside any real one is clamped rather than overflow the multiply.
        private const decimal Bound = 1_000_000_000m;

        private readonly long floorTenths;
        private readonly bool wholeTenths;
        private readonly long nameRank;

        public CursorBound(decimal score, long nameRank)
        {
            var tenths = Math.Clamp(score, -Bound, Bound) * 10;
            floorTenths = (long)Math.Floor(tenths);
            wholeTenths = tenths == floorTenths;
            this.nameRank = nameRank;
        }

        /// <summary>Whether an entry with this score and name rank comes after the cursor's entry.</summary>
        public bool Precedes(int tenths, long rank) =>
            wholeTenths ? tenths < floorTenths || tenths == floorTenths && rank > nameRank : tenths <= floorTenths;
    }
}
