using System.Threading.Channels;

namespace Registry.MigrationService;

/// <summary>
/// Runs a source of pages ahead of its consumer by up to <c>pages</c> pages on another task, so that parsing the next
/// page of a seed (CPU in this process) overlaps importing the last one (mostly CPU in PostgreSQL).
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> ReadAheadAsync<T>(
        this IAsyncEnumerable<T> source, int pages, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(pages) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token))
                {
                    await channel.Writer.WriteAsync(item, stop.Token);
                }

                channel.Writer.Complete();
            }
            catch (Exception error)
            {
                channel.Writer.Complete(error);
            }
        }, CancellationToken.None);

        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            // A consumer that stops early (or fails) must not leave the producer parsing the rest of the file.
            await stop.CancelAsync();
            await producer;
        }
    }
}
