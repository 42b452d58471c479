using Registry.ApiDocs;
using Registry.Gateway.Routing;

namespace Registry.Gateway.ApiDocs;

/// <summary>
/// The API description, generated from the contract (Registry.ApiDocs): <c>/openapi.yaml</c> and <c>/openapi.json</c>,
/// also under <c>/v0</c> and <c>/v0.1</c>, and interactive documentation at <c>/docs</c> (Swagger UI, served from
/// the gateway itself, so it needs no outside network).
/// </summary>
internal static class ApiDocsEndpoints
{
    public const string DocsPath = "docs";

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        // Only requests under /docs meet the UI's middleware: every other request, cache hits included, skips it.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/" + DocsPath), docs => docs.UseSwaggerUI(options =>
        {
            options.RoutePrefix = DocsPath;
            options.DocumentTitle = "Registry: MCP Registry API";
            options.SwaggerEndpoint("/openapi.json", "Registry");
        }));
        foreach (var prefix in ApiPrefixes.All.Prepend(""))
        {
            app.MapMethods(prefix + "/openapi.yaml", [HttpMethods.Get, HttpMethods.Head],
                async context => await WriteAsync(context, await ApiDocument.YamlAsync(), "application/yaml; charset=utf-8"));
            app.MapMethods(prefix + "/openapi.json", [HttpMethods.Get, HttpMethods.Head],
                async context => await WriteAsync(context, await ApiDocument.JsonAsync(), "application/json; charset=utf-8"));
        }

        return app;
    }

    private static Task WriteAsync(HttpContext context, byte[] document, string contentType)
    {
        context.Response.ContentType = contentType;
        context.Response.ContentLength = document.Length;
        context.Response.Headers.CacheControl = "public, max-age=300";
        return context.Response.Body.WriteAsync(document).AsTask();
    }
}
