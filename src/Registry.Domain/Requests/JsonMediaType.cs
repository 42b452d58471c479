using System.Net.Http.Headers;
using Registry.Domain.Errors;

namespace Registry.Domain.Requests;

/// <summary>
/// Request bodies are JSON in UTF-8: <c>application/json</c> or a <c>+json</c> type, with no charset or a UTF-8 one.
/// A missing Content-Type is read as JSON, as the official registry does; anything else is a 415, because reading a
/// form, plain text or Latin-1 as if it were JSON in UTF-8 would store something the client did not send.
/// </summary>
public static class JsonMediaType
{
    public static bool IsAcceptable(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return true;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return false;
        }

        var isJson = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
        var charset = parsed.CharSet?.Trim('"');
        return isJson && (charset is null || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }

    public static void Require(string? contentType)
    {
        if (!IsAcceptable(contentType))
        {
            throw RegistryErrors.UnsupportedMediaType(contentType!);
        }
    }
}
