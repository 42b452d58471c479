namespace Registry.Domain.Search;

/// <summary>
/// How a query word found in a document counts: per field, the best way it was found there. A name part equal to the
/// word counts far above the rest; then a name part it begins, the title, the description, the package identifiers
/// and the remote hosts, in that order of weight; a typo counts about 60% of the word itself. A document whose whole
/// name is the query adds <see cref="ExactName"/>. Every weight is a whole number of tenths, which is how the index
/// adds them up.
/// </summary>
public static class SearchScore
{
    public const decimal ExactName = 100m;

    public static decimal Of(WordMatch match) =>
        (match.ExactNamePart ? 20m : match.Own.HasFlag(SearchFields.Name) ? 8m : match.Typo.HasFlag(SearchFields.Name) ? 5m : 0m)
        + Field(match, SearchFields.Title, 4m, 2.5m)
        + Field(match, SearchFields.Description, 2m, 1.2m)
        + Field(match, SearchFields.Package, 1.5m, 0.9m)
        + Field(match, SearchFields.Host, 1m, 0.6m);

    private static decimal Field(WordMatch match, SearchFields field, decimal own, decimal typo) =>
        match.Own.HasFlag(field) ? own : match.Typo.HasFlag(field) ? typo : 0m;
}

/// <summary>
/// Where one query word was found in a document: as itself or a word it begins (<see cref="Own"/>), as a similar
/// word (<see cref="Typo"/>), and whether a part of the name is exactly the word.
/// </summary>
public readonly record struct WordMatch(SearchFields Own, SearchFields Typo, bool ExactNamePart);
