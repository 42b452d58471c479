using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Registry.Gateway.Caching;

/// <summary>
/// Collects a response body in memory instead of sending it, and keeps the response unstarted, so the status and
/// headers can still be changed once the whole answer is known.
/// </summary>
internal sealed class BufferedResponseBody : IHttpResponseBodyFeature, IAsyncDisposable
{
    private readonly MemoryStream buffer = new();
    private readonly PipeWriter writer;

    public BufferedResponseBody() => writer = PipeWriter.Create(buffer, new StreamPipeWriterOptions(leaveOpen: true));

    public Stream Stream => buffer;

    public PipeWriter Writer => writer;

    public async Task<byte[]> ToArrayAsync()
    {
        await writer.FlushAsync();
        return buffer.ToArray();
    }

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        file.Seek(offset, SeekOrigin.Begin);
        if (count is { } length)
        {
            var bytes = new byte[length];
            await file.ReadExactlyAsync(bytes, cancellationToken);
            await buffer.WriteAsync(bytes, cancellationToken);
        }
        else
        {
            await file.CopyToAsync(buffer, cancellationToken);
        }
    }

    public Task CompleteAsync() => writer.FlushAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        await writer.CompleteAsync();
        await buffer.DisposeAsync();
    }
}
