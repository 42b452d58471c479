namespace Registry.Web.Security;

/// <summary>
/// Headers on every page: a Content-Security-Policy that runs only the site's own script file and styles (nothing
/// inline, nothing from a document), loads icons only over https, and lets forms post nowhere but here; no framing,
/// no MIME sniffing, and no referrer sent to the links a document carries.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        return next(context);
    }
}
