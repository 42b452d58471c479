using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Registry.Caching;

/// <summary>
/// Redis pub/sub between the processes that share the cache. A writer announces the token keys it replaced and is
/// answered only once every subscribed process has dropped them from memory (or after <see cref="AcknowledgementTimeout"/>,
/// logged), so a read through any gateway after a write was answered never meets a replaced token. A process trusts its
/// in-memory tokens only while it is <see cref="IsListening"/>: from a probe it heard on its own subscription until the
/// next loss of Redis, since announcements made while it was away are not delivered again.
/// </summary>
internal sealed class InvalidationBus(RegistryCacheConnection connection, LocalGenerations local, ILogger<InvalidationBus> logger)
{
    /// <summary>
    /// Long enough for a busy machine's thread pool to run the callbacks (the acknowledgements arrive on it); a process
    /// that stays silent longer is wedged, and the writer answers rather than wait on it.
    /// </summary>
    public static readonly TimeSpan AcknowledgementTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static readonly RedisChannel Invalidations = RedisChannel.Literal(CacheKeys.InvalidationChannel);

    private readonly string processId = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<string, Acknowledgements> awaited = new(StringComparer.Ordinal);
    private IConnectionMultiplexer? subscribedOn;
    private long listeningSinceMisses = -1;

    /// <summary>True while announcements are known to reach this process.</summary>
    public bool IsListening => Interlocked.Read(ref listeningSinceMisses) == connection.MissedSoFar;

    /// <summary>Subscribes and probes when not listening; called periodically.</summary>
    public async Task EnsureListeningAsync()
    {
        if (IsListening || connection.Multiplexer is not { IsConnected: true } multiplexer)
        {
            return;
        }

        var missesBefore = connection.MissedSoFar;
        try
        {
            var subscriber = multiplexer.GetSubscriber();
            if (!ReferenceEquals(subscribedOn, multiplexer))
            {
                // StackExchange.Redis subscribes again by itself after a reconnect; the probe below says when it has.
                await subscriber.SubscribeAsync(Invalidations, (_, message) => OnInvalidation(subscriber, message));
                await subscriber.SubscribeAsync(RedisChannel.Literal(CacheKeys.AcknowledgementChannel(processId)), (_, id) => OnAcknowledgement(id));
                subscribedOn = multiplexer;
            }

            var probe = new InvalidationMessage(InvalidationKind.Probe, Guid.NewGuid().ToString("N"), processId, []);
            var heard = Await(probe.Id, expected: 1);
            try
            {
                await subscriber.PublishAsync(Invalidations, probe.Format());
                await heard.WaitAsync(ProbeTimeout);
            }
            finally
            {
                awaited.TryRemove(probe.Id, out _);
            }

            local.DropAll();
            Interlocked.Exchange(ref listeningSinceMisses, missesBefore);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogDebug(ex, "Not yet listening for cache invalidations");
        }
    }

    /// <summary>Tells every process; returns when all that heard it have dropped the keys, or after the timeout.</summary>
    public async Task AnnounceAsync(IConnectionMultiplexer multiplexer, InvalidationKind kind, IReadOnlyList<string> keys)
    {
        var message = new InvalidationMessage(kind, Guid.NewGuid().ToString("N"), processId, keys);
        var acknowledgements = new Acknowledgements();
        awaited[message.Id] = acknowledgements;
        try
        {
            var receivers = await multiplexer.GetSubscriber().PublishAsync(Invalidations, message.Format());
            acknowledgements.Expect(receivers);
            await acknowledgements.All.WaitAsync(AcknowledgementTimeout);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("{Missing} of the processes that heard a cache invalidation did not confirm it within {Timeout}",
                acknowledgements.Missing, AcknowledgementTimeout);
        }
        finally
        {
            awaited.TryRemove(message.Id, out _);
        }
    }

    private Task Await(string id, long expected)
    {
        var acknowledgements = new Acknowledgements();
        acknowledgements.Expect(expected);
        awaited[id] = acknowledgements;
        return acknowledgements.All;
    }

    private void OnInvalidation(ISubscriber subscriber, RedisValue text)
    {
        if (InvalidationMessage.Parse(text) is not { } message)
        {
            return;
        }

        switch (message.Kind)
        {
            case InvalidationKind.Probe:
                if (message.ReplyTo == processId)
                {
                    OnAcknowledgement(message.Id);
                }

                return;
            case InvalidationKind.Everything:
                local.DropAll();
                break;
            default:
                local.Drop(message.Keys);
                break;
        }

        subscriber.Publish(RedisChannel.Literal(CacheKeys.AcknowledgementChannel(message.ReplyTo)), message.Id, CommandFlags.FireAndForget);
    }

    private void OnAcknowledgement(RedisValue id)
    {
        if (awaited.TryGetValue(id.ToString(), out var acknowledgements))
        {
            acknowledgements.Count();
        }
    }

    /// <summary>Acknowledgements may arrive before PUBLISH has said how many processes heard the message.</summary>
    private sealed class Acknowledgements
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock counting = new();
        private long received;
        private long expected = long.MaxValue;

        public Task All => done.Task;

        public long Missing
        {
            get
            {
                lock (counting)
                {
                    return Math.Max(0, expected - received);
                }
            }
        }

        public void Expect(long count)
        {
            lock (counting)
            {
                expected = count;
                CompleteWhenAll();
            }
        }

        public void Count()
        {
            lock (counting)
            {
                received++;
                CompleteWhenAll();
            }
        }

        private void CompleteWhenAll()
        {
            if (received >= expected)
            {
                done.TrySetResult();
            }
        }
    }
}
