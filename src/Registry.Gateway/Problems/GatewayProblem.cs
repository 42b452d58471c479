using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Registry.Gateway.Problems;

/// <summary>The official error shape for the few errors the gateway answers itself.</summary>
internal static class GatewayProblem
{
    // Quotes in a detail stay quotes (a problem body is never embedded in HTML), as in the services' problems.
    private static readonly JsonSerializerOptions SerializerOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Task WriteAsync(HttpResponse response, int status, string detail)
    {
        response.StatusCode = status;
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["title"] = ReasonPhrases.GetReasonPhrase(status),
            ["status"] = status,
            ["detail"] = detail,
        }, SerializerOptions);
        response.ContentType = "application/problem+json";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body).AsTask();
    }
}
