namespace Registry.Catalog.Changes;

/// <summary>
/// The highest change sequence this process has heard of, and a way to wait for a higher one. The listener
/// publishes; every watcher waits. One completed task per new value wakes all waiters at once.
/// </summary>
public sealed class ChangeBroadcast
{
    private readonly Lock gate = new();
    private long latest;
    private TaskCompletionSource next = NewSignal();

    public long Latest
    {
        get
        {
            lock (gate)
            {
                return latest;
            }
        }
    }

    public void Publish(long sequence)
    {
        TaskCompletionSource woken;
        lock (gate)
        {
            if (sequence <= latest)
            {
                return;
            }

            latest = sequence;
            woken = next;
            next = NewSignal();
        }

        woken.TrySetResult();
    }

    /// <summary>Completes once a sequence greater than <paramref name="sequence"/> has been published.</summary>
    public async Task WaitBeyondAsync(long sequence, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (latest > sequence)
                {
                    return;
                }

                signal = next.Task;
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
