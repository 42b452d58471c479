namespace Registry.Domain.Search;

/// <summary>
/// Splits text into search words, for queries and documents alike: lower-case runs of ASCII letters and digits, so
/// that <c>io.github.acme/postgres-mcp</c> is <c>io github acme postgres mcp</c>.
/// </summary>
public static class SearchWords
{
    public const int MaxWords = 8;
    public const int MaxWordLength = 64;

    // Words nearly every entry holds: they would match the whole catalog and rank nothing. A query of only
    // these still searches for them.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "for", "of", "to", "in", "on", "with", "by", "or", "mcp", "server", "servers",
    };

    /// <summary>The words of a query, in order, without repeats or common words (unless it has nothing else).</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var words = Distinct(text).ToList();
        var meaningful = words.Where(w => !Common.Contains(w)).ToList();
        return (meaningful.Count > 0 ? meaningful : words).Take(MaxWords).ToList();
    }

    /// <summary>Every word of a document field, without repeats; words longer than <see cref="MaxWordLength"/> are left out.</summary>
    public static IEnumerable<string> Distinct(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsAsciiLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                var word = text[start..i].ToLowerInvariant();
                if (word.Length <= MaxWordLength && seen.Add(word))
                {
                    yield return word;
                }

                start = -1;
            }
        }
    }
}
