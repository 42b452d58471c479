using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Registry.Domain.Errors;

namespace Registry.Domain.Requests;

/// <summary>
/// What every JSON request body must be before anything reads it: UTF-8, well-formed, every object key once, no NUL
/// and no unpaired surrogate in any key or string (PostgreSQL cannot store them, and they are never meant), and no
/// number beyond a 64-bit float (the typed rendering of a document could not hold it).
/// </summary>
public static class JsonRequestBody
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    /// <summary>Checks a body of any JSON shape; the reason it is refused, or null.</summary>
    public static string? Problem(ReadOnlySpan<byte> body)
    {
        body = WithoutBom(body);
        if (!Utf8.IsValid(body))
        {
            return "Request body is not valid UTF-8";
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxDepth });
        var seenKeys = new Stack<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        seenKeys.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        seenKeys.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        if (TextProblem(ref reader) is { } keyProblem)
                        {
                            return $"Request body has an object key that {keyProblem}";
                        }

                        var key = reader.GetString()!;
                        if (!seenKeys.Peek().Add(key))
                        {
                            return $"Request body has the key \"{key}\" twice in one object";
                        }

                        break;
                    case JsonTokenType.String when TextProblem(ref reader) is { } stringProblem:
                        return $"Request body has a string that {stringProblem}";
                    case JsonTokenType.Number when !reader.TryGetDouble(out var number) || !double.IsFinite(number):
                        return $"Request body has a number that does not fit in a 64-bit float: {Encoding.UTF8.GetString(reader.ValueSpan)}";
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return "Request body is not valid JSON: " + ex.Message;
        }
    }

    /// <summary>A body that must be one JSON object (a server.json document).</summary>
    public static bool TryParseObject(ReadOnlySpan<byte> body, out JsonObject document, out string error)
    {
        document = null!;
        if (body.IsEmpty)
        {
            error = "Request body is required";
            return false;
        }

        if (Problem(body) is { } problem)
        {
            error = problem;
            return false;
        }

        if (JsonNode.Parse(WithoutBom(body), NodeOptions, DocumentOptions) is JsonObject parsed)
        {
            document = parsed;
            error = "";
            return true;
        }

        error = "Request body must be a JSON object";
        return false;
    }

    public static JsonObject ParseObject(ReadOnlySpan<byte> body) =>
        TryParseObject(body, out var document, out var error) ? document : throw RegistryErrors.MalformedBody(error);

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> body) =>
        body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? body[3..] : body;

    /// <summary>
    /// An unpaired surrogate escape such as <c>\uD800</c> is valid JSON syntax but no text: the reader refuses to
    /// return it as a string, and anything that replaced it would store a character the client never sent.
    /// </summary>
    private static string? TextProblem(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "contains an unpaired UTF-16 surrogate escape";
        }

        return text.Contains('\0') ? "contains a NUL character" : null;
    }
}
