namespace Registry.Domain.Search;

/// <summary>
/// Trigram similarity as PostgreSQL's pg_trgm defines it for a single word: the word padded with two spaces before and
/// one after, cut into every run of three characters; similarity is shared trigrams over all distinct trigrams of both.
/// Words hold only <c>[a-z0-9]</c> (<see cref="SearchWords"/>), so a trigram packs into an int.
/// </summary>
public static class Trigrams
{
    private const int Base = 37;

    public static HashSet<int> Of(string word)
    {
        var padded = "  " + word + " ";
        var trigrams = new HashSet<int>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            trigrams.Add((Code(padded[i]) * Base + Code(padded[i + 1])) * Base + Code(padded[i + 2]));
        }

        return trigrams;
    }

    public static double Similarity(int shared, int trigramsOfOne, int trigramsOfOther) =>
        shared == 0 ? 0 : (double)shared / (trigramsOfOne + trigramsOfOther - shared);

    private static int Code(char c) => c switch
    {
        >= '0' and <= '9' => c - '0' + 1,
        >= 'a' and <= 'z' => c - 'a' + 11,
        _ => 0,
    };
}
