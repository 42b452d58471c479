namespace Registry.Auth.Reading;

/// <summary>
/// What one caller may see: every name except those under the prefixes of the rules it does not satisfy. Two callers
/// with the same view see exactly the same catalog, so the view's <see cref="Key"/> is what a shared response cache
/// must add to its keys.
/// </summary>
public sealed class ReadView
{
    public static readonly ReadView Everything = new([], "all");

    private ReadView(IReadOnlyList<string> hiddenPrefixes, string key)
    {
        HiddenPrefixes = hiddenPrefixes;
        Key = key;
    }

    /// <summary>Name prefixes this caller may not see (case-sensitive, as names are).</summary>
    public IReadOnlyList<string> HiddenPrefixes { get; }

    /// <summary>Short and stable: <c>all</c>, or the indexes of the rules that hide something, e.g. <c>h0.2</c>.</summary>
    public string Key { get; }

    public bool HidesNothing => HiddenPrefixes.Count == 0;

    public bool CanSee(string serverName) =>
        !HiddenPrefixes.Any(prefix => serverName.StartsWith(prefix, StringComparison.Ordinal));

    internal static ReadView Hiding(IReadOnlyList<(int Index, string Prefix)> hidden) =>
        hidden.Count == 0 ? Everything : new ReadView([.. hidden.Select(h => h.Prefix)], "h" + string.Join('.', hidden.Select(h => h.Index)));
}
