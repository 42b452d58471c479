using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes;

public static class FakeHttpServerExtensions
{
    private const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Answers with <paramref name="body"/> as JSON; a string body is taken as JSON text already.</summary>
    public static void MapJson(this FakeHttpServer server, string method, string path, object body, int status = StatusCodes.Status200OK)
    {
        var json = body as string ?? JsonSerializer.Serialize(body, body.GetType());
        server.Map(method, path, context => WriteAsync(context, status, JsonContentType, json));
    }

    public static void MapText(this FakeHttpServer server, string path, string text, int status = StatusCodes.Status200OK) =>
        server.Map(HttpMethods.Get, path, context => WriteAsync(context, status, "text/plain; charset=utf-8", text));

    public static void MapRedirect(this FakeHttpServer server, string path, string location) =>
        server.Map(HttpMethods.Get, path, context =>
        {
            context.Response.Redirect(location);
            return Task.CompletedTask;
        });

    internal static Task WriteJsonAsync(HttpContext context, int status, object body) =>
        WriteAsync(context, status, JsonContentType, JsonSerializer.Serialize(body, body.GetType()));

    private static Task WriteAsync(HttpContext context, int status, string contentType, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
