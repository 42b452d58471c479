namespace Registry.Domain.Search;

/// <summary>
/// Splits text into search words the way the index does: lower-case runs of ASCII letters and digits, so that
/// <c>io.github.acme/postgres-mcp</c> is <c>io github acme postgres mcp</c>.
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

    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
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
                if (word.Length <= MaxWordLength && !words.Contains(word))
                {
                    words.Add(word);
                }

                start = -1;
            }
        }

        var meaningful = words.Where(w => !Common.Contains(w)).ToList();
        return (meaningful.Count > 0 ? meaningful : words).Take(MaxWords).ToList();
    }
}
