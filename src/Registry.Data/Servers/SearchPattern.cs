namespace Registry.Data.Servers;

/// <summary>
/// The LIKE pattern of a search term: any text that contains the term, with <c>%</c>, <c>_</c> and <c>\</c> in the
/// term taken literally (as the official registry escapes them), so <c>search=%</c> matches only a percent sign.
/// Case is folded by the SQL, on both sides the same way.
/// </summary>
internal static class SearchPattern
{
    public static string Containing(string term) =>
        "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
}
