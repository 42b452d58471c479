using Microsoft.Extensions.Options;

namespace Registry.Mirror.Sync;

/// <summary>
/// How long to wait after consecutive failures: exponential from the initial backoff up to the maximum, with
/// jitter so that many mirrors of one upstream do not retry in step. An upstream's <c>Retry-After</c> is obeyed.
/// </summary>
public sealed class RetryDelay(IOptions<MirrorOptions> options)
{
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(1);

    public TimeSpan After(int consecutiveFailures, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < TimeSpan.Zero ? TimeSpan.Zero : asked > LongestRetryAfter ? LongestRetryAfter : asked;
        }

        var settings = options.Value;
        var exponent = Math.Min(Math.Max(consecutiveFailures - 1, 0), 30);
        var ceiling = Math.Min(settings.InitialBackoff.Ticks * Math.Pow(2, exponent), settings.MaxBackoff.Ticks);
        // Somewhere in the upper half: never much shorter than the schedule, never in step with another mirror.
        return TimeSpan.FromTicks((long)(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2));
    }
}
