namespace Registry.Domain.Validation.Semantics;

internal static class HttpsUrl
{
    /// <summary>
    /// Absolute, https, with a host. The host test matters on Unix, where "/x" parses as an absolute file URI.
    /// </summary>
    public static bool IsValid(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;
}
