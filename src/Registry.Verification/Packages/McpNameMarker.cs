using System.Text;

namespace Registry.Verification.Packages;

/// <summary>The "mcp-name: &lt;server name&gt;" marker package READMEs carry to claim a server.</summary>
internal static class McpNameMarker
{
    private const string CommentStart = "<!--";
    private const string CommentEnd = "-->";

    /// <summary>
    /// Anywhere in the text, as upstream reads PyPI and NuGet READMEs: their publishers are told they may hide the
    /// marker in an HTML comment so that it does not show on the package page.
    /// </summary>
    public static void RequireIn(string? text, string serverName, string where)
    {
        if (text is null || !text.Contains(Marker(serverName), StringComparison.Ordinal))
        {
            throw new PackageVerificationException($"{where} does not contain '{Marker(serverName)}'");
        }
    }

    /// <summary>
    /// Outside HTML comments and ending where its line (or, in a rendered README, its element) ends, so that it is
    /// shown to readers and names this server rather than the start of a longer name.
    /// </summary>
    public static void RequireVisibleLineIn(string? text, string serverName, string where)
    {
        var marker = Marker(serverName);
        if (text is null || !EndsAtLineEnd(WithoutHtmlComments(text), marker))
        {
            throw new PackageVerificationException($"{where} does not contain '{marker}' on a visible line (inside an HTML comment it does not count)");
        }
    }

    private static string Marker(string serverName) => $"mcp-name: {serverName}";

    private static bool EndsAtLineEnd(string text, string marker)
    {
        for (var at = text.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = text.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var end = at + marker.Length;
            if (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] == '<')
            {
                return true;
            }
        }

        return false;
    }

    // An unterminated comment hides the rest of the text, as it does in a browser.
    private static string WithoutHtmlComments(string text)
    {
        var visible = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf(CommentStart, position, StringComparison.Ordinal);
            if (start < 0)
            {
                visible.Append(text, position, text.Length - position);
                break;
            }

            visible.Append(text, position, start - position);
            var end = text.IndexOf(CommentEnd, start + CommentStart.Length, StringComparison.Ordinal);
            position = end < 0 ? text.Length : end + CommentEnd.Length;
        }

        return visible.ToString();
    }
}
