using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Registry.ServiceHosting;

/// <summary>Writes <see cref="RegistryProblem"/> in the official error shape.</summary>
public static class ProblemJson
{
    public const string ContentType = "application/problem+json";

    // Details quote what the client sent; a problem body is never embedded in HTML, so quotes stay quotes rather
    // than \u0022, as the official registry writes them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpResponse response, RegistryProblem problem)
    {
        response.StatusCode = problem.Status;
        response.ContentType = ContentType;
        var body = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(body, WriterOptions))
        {
            Write(writer, problem);
        }

        response.ContentLength = body.WrittenCount;
        await response.Body.WriteAsync(body.WrittenMemory);
    }

    public static void Write(Utf8JsonWriter writer, RegistryProblem problem)
    {
        writer.WriteStartObject();
        writer.WriteString("title", ReasonPhrases.GetReasonPhrase(problem.Status));
        writer.WriteNumber("status", problem.Status);
        writer.WriteString("detail", problem.Detail);
        if (problem.Errors.Count > 0)
        {
            writer.WriteStartArray("errors");
            foreach (var error in problem.Errors)
            {
                writer.WriteStartObject();
                writer.WriteString("message", error.Message);
                if (error.Location is not null)
                {
                    writer.WriteString("location", error.Location);
                }

                if (error.Value is not null)
                {
                    writer.WritePropertyName("value");
                    JsonSerializer.Serialize(writer, error.Value, error.Value.GetType());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}
