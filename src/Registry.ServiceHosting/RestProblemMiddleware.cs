using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace Registry.ServiceHosting;

/// <summary>
/// Buffers a transcoded REST response; successes pass through untouched, and any error — ours, transcoding's
/// own (bad query values, unknown routes, UNIMPLEMENTED) — is rewritten as application/problem+json.
/// Marked empty arrays are written back (see <see cref="EmptyArrayFields"/>).
/// </summary>
public sealed class RestProblemMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // Transcoding reports an over-limit body as a generic 400; a declared length lets us answer 413 up front.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit && context.Request.ContentLength > limit)
        {
            await ProblemJson.WriteAsync(context.Response,
                new RegistryProblem(StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {limit} bytes", []));
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        buffer.Position = 0;
        if (context.Response.StatusCode < 400)
        {
            if (context.Items[EmptyArrayFields.ItemKey] is List<string> emptyArrays && buffer.Length > 0)
            {
                await original.WriteAsync(EmptyArrayFields.Prefix(emptyArrays), context.RequestAborted);
                buffer.Position = 1;
            }

            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var problem = context.Items[RegistryExceptionInterceptor.ProblemItemKey] as RegistryProblem
            ?? new RegistryProblem(context.Response.StatusCode, ReadTranscodingMessage(buffer) ?? DefaultDetail(context), []);
        await ProblemJson.WriteAsync(context.Response, problem);
    }

    private static string? ReadTranscodingMessage(MemoryStream buffer)
    {
        if (buffer.Length > 0)
        {
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
