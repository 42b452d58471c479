using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Registry.Domain.Requests;

namespace Registry.ServiceHosting;

/// <summary>
/// Refuses a REST request before routing when its shape is wrong whatever the route: NUL or bytes that are not UTF-8
/// in the path or query (400), a declared body over the limit (413), a body that is not JSON in UTF-8 (415), or JSON
/// that could not be stored as sent (400, see <see cref="JsonRequestBody"/>). The body is buffered so the route still
/// reads it.
/// </summary>
public sealed class RestRequestGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        if (RequestText.TargetProblem(target) is { } targetProblem)
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, targetProblem);
            return;
        }

        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && request.ContentLength > limit)
        {
            await RefuseAsync(context, StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {limit} bytes");
            return;
        }

        if (CarriesDocument(request) && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            && await BodyProblemAsync(context, limit) is { } bodyProblem)
        {
            await RefuseAsync(context, bodyProblem.Status, bodyProblem.Detail);
            return;
        }

        await next(context);
    }

    /// <summary>The methods whose bodies the routes read; a body sent with a GET is ignored, as routing ignores it.</summary>
    private static bool CarriesDocument(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method);

    private static async Task<(int Status, string Detail)?> BodyProblemAsync(HttpContext context, long? limit)
    {
        var request = context.Request;
        request.EnableBuffering();
        byte[] body;
        try
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, context.RequestAborted);
            body = copy.ToArray();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (StatusCodes.Status413PayloadTooLarge, $"Request body is larger than {limit} bytes");
        }
        catch (BadHttpRequestException ex)
        {
            // A malformed chunked body, a body shorter than its Content-Length, a client too slow to send it.
            return (ex.StatusCode, "The request body could not be read: " + ex.Message);
        }

        request.Body.Position = 0;
        if (body.Length == 0)
        {
            return null;
        }

        if (!JsonMediaType.IsAcceptable(request.ContentType))
        {
            var refused = Domain.Errors.RegistryErrors.UnsupportedMediaType(request.ContentType!);
            return (refused.Status, refused.Detail);
        }

        return JsonRequestBody.Problem(body) is { } problem ? (StatusCodes.Status400BadRequest, problem) : null;
    }

    private static Task RefuseAsync(HttpContext context, int status, string detail) =>
        ProblemJson.WriteAsync(context.Response, new RegistryProblem(status, detail, []));
}
