using System.CommandLine;
using Google.Api;
using Google.Protobuf;
using Registry.Cli.Connection;

namespace Registry.Cli.Commands;

/// <summary>A server.json file as the publish service takes it: its exact bytes, as application/json.</summary>
public static class DocumentFile
{
    public static async Task<HttpBody> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return new HttpBody { ContentType = "application/json", Data = ByteString.CopyFrom(await File.ReadAllBytesAsync(path, cancellationToken)) };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliFailure.Usage($"Cannot read {path}: {exception.Message}");
        }
    }

    public static Argument<string> Argument() => new("file") { Description = "Path of the server.json document" };
}
