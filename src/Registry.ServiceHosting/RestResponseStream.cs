using Microsoft.AspNetCore.Http;

namespace Registry.ServiceHosting;

/// <summary>
/// Sits in front of the response body of a transcoded REST call and decides at the first write, when the
/// status is known: a success streams straight through (with marked empty arrays put back in front, see
/// <see cref="EmptyArrayFields"/>), while an error is held back so that it can be rewritten as problem+json.
/// </summary>
internal sealed class RestResponseStream(HttpContext context, Stream inner) : Stream
{
    private MemoryStream? heldError;
    private bool decided;

    public MemoryStream? HeldError => heldError;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        if (!decided)
        {
            decided = true;
            if (context.Response.StatusCode >= 400)
            {
                heldError = new MemoryStream();
            }
            else if (context.Items[EmptyArrayFields.ItemKey] is List<string> emptyArrays)
            {
                // The serialised body starts with '{'; the prefix replaces it.
                context.Response.ContentLength = null;
                await inner.WriteAsync(EmptyArrayFields.Prefix(emptyArrays, bodyIsEmpty: buffer.Length > 1 && buffer.Span[1] == (byte)'}'), cancellationToken);
                buffer = buffer[1..];
            }
        }

        if (heldError is not null)
        {
            await heldError.WriteAsync(buffer, cancellationToken);
        }
        else
        {
            await inner.WriteAsync(buffer, cancellationToken);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new InvalidOperationException("Synchronous writes are not supported.");

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        heldError is null && decided ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            heldError?.Dispose();
        }

        base.Dispose(disposing);
    }
}
