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

    /// <summary>
    /// <c>all</c>, or the hidden prefixes themselves (e.g. <c>hidden:com.acme.internal/|com.acme.secret/</c>): the
    /// prefixes rather than rule numbers, so that gateways whose settings list the rules in another order, or differ
    /// during a rollout, never read each other's entries for another set.
    /// </summary>
    public string Key { get; }

    public bool HidesNothing => HiddenPrefixes.Count == 0;

    public bool CanSee(string serverName) =>
        !HiddenPrefixes.Any(prefix => serverName.StartsWith(prefix, StringComparison.Ordinal));

    internal static ReadView Hiding(IEnumerable<string> hiddenPrefixes)
    {
        var hidden = hiddenPrefixes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return hidden.Count == 0 ? Everything : new ReadView(hidden, "hidden:" + string.Join('|', hidden));
    }
}
