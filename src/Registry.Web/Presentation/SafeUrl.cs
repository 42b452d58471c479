namespace Registry.Web.Presentation;

/// <summary>
/// Which of a document's URLs a page may use: links only when they are absolute http(s), icons only over https. Any
/// other scheme (<c>javascript:</c>, <c>data:</c>, <c>file:</c>) is shown as text or not at all, never followed.
/// </summary>
public static class SafeUrl
{
    public static string? Link(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0 ? uri.AbsoluteUri : null;

    public static string? Image(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == "https" && uri.Host.Length > 0 ? uri.AbsoluteUri : null;
}
