using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Registry.ServiceHosting;

/// <summary>
/// Successes of a transcoded REST call stream through untouched; any error — ours, transcoding's own (bad query
/// values, unknown routes, UNIMPLEMENTED) — is held back and rewritten as application/problem+json
/// (see <see cref="RestResponseStream"/>).
/// </summary>
public sealed class RestProblemMiddleware(RequestDelegate next)
{
    /// <summary>What a 503 (the database is unreachable) tells clients to wait before trying again.</summary>
    public const string RetryAfterSeconds = "5";

    public async Task InvokeAsync(HttpContext context)
    {
        var original = context.Response.Body;
        await using var shaping = new RestResponseStream(context, original);
        context.Response.Body = shaping;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode < 400 || context.Response.HasStarted)
        {
            return;
        }

        var problem = context.Items[RegistryExceptionInterceptor.ProblemItemKey] as RegistryProblem
            ?? new RegistryProblem(context.Response.StatusCode, ReadTranscodingMessage(shaping.HeldError) ?? DefaultDetail(context), []);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        await ProblemJson.WriteAsync(context.Response, problem);
    }

    private static string? ReadTranscodingMessage(MemoryStream? buffer)
    {
        if (buffer is { Length: > 0 })
        {
            buffer.Position = 0;
            try
            {
                using var document = JsonDocument.Parse(buffer);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("message", out var message)
                    && message.GetString() is { Length: > 0 } text)
                {
                    return text;
                }
            }
            catch (JsonException)
            {
            }
        }

        return null;
    }

    private static string DefaultDetail(HttpContext context) => context.Response.StatusCode switch
    {
        StatusCodes.Status404NotFound => $"Endpoint {context.Request.Path} not found",
        StatusCodes.Status405MethodNotAllowed => $"Method {context.Request.Method} is not allowed on {context.Request.Path}",
        var status => ReasonPhrases.GetReasonPhrase(status),
    };
}
