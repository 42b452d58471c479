using Registry.Domain.Annotations;

namespace Registry.Domain.Search;

/// <summary>
/// A validated ranked search. <see cref="Words"/> are the query's words as the index holds them (lower-case runs of
/// letters and digits); <see cref="Text"/> is the whole query lower-cased, for the exact-name match. An empty
/// <see cref="Text"/> browses: every entry matches, with score 0, so the order is the names'. Every one of
/// <see cref="Annotations"/> must match the latest version's operator annotations.
/// </summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyList<string> Words,
    string? RegistryType,
    string? Transport,
    bool? HasRemote,
    string Status,
    string? Namespace,
    int Limit,
    SearchPosition? After,
    IReadOnlyList<AnnotationFilter>? Annotations = null)
{
    public bool Browses => Text.Length == 0;

    /// <summary>Name prefixes the caller may not see: their entries are neither returned nor counted.</summary>
    public IReadOnlyList<string> HiddenPrefixes { get; init; } = [];

    public bool Hides(string name) => HiddenPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>
    /// Identifies the result list, so that a cursor is only accepted by the search that issued it. Annotation
    /// filters join it only when sent, so the cursors of searches without them stay what they were.
    /// </summary>
    public string Fingerprint => Annotations is { Count: > 0 } annotations
        ? SearchCursor.Fingerprint(Text, string.Join(" ", Words), RegistryType, Transport, HasRemote?.ToString(), Status, Namespace,
            string.Join("\n", annotations))
        : SearchCursor.Fingerprint(Text, string.Join(" ", Words), RegistryType, Transport, HasRemote?.ToString(), Status, Namespace);

    public string NextCursor(decimal score, string name) => SearchCursor.Encode(new SearchPosition(score, name), Fingerprint);
}

/// <summary>Where a page ends in (score descending, name ascending) order.</summary>
public sealed record SearchPosition(decimal Score, string Name);
