using System.Text;
using System.Text.Json.Nodes;
using Registry.Domain.Errors;
using Registry.Domain.Requests;

namespace Registry.Domain.Annotations;

/// <summary>An annotation's value: one JSON object of at most <see cref="MaxBytes"/> bytes, counted compact in UTF-8 as stored.</summary>
public static class AnnotationValue
{
    public const int MaxBytes = 4096;

    /// <summary>The object as compact JSON text, ready to store.</summary>
    public static string Parse(ReadOnlySpan<byte> body)
    {
        if (!JsonRequestBody.TryParseObject(body, out var value, out var error))
        {
            throw RegistryErrors.InvalidAnnotationValue(error == "Request body must be a JSON object" ? "the annotation must be a JSON object" : error);
        }

        return Compact(value);
    }

    private static string Compact(JsonObject value)
    {
        var text = value.ToJsonString();
        var bytes = Encoding.UTF8.GetByteCount(text);
        return bytes <= MaxBytes
            ? text
            : throw RegistryErrors.InvalidAnnotationValue($"the annotation must not exceed {MaxBytes} bytes (it has {bytes})");
    }
}
