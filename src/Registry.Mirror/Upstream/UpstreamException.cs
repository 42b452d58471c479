namespace Registry.Mirror.Upstream;

/// <summary>The upstream could not be read now (unreachable, an error status, an unreadable page); the mirror retries.</summary>
public sealed class UpstreamException(string message, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>What the upstream asked for with <c>Retry-After</c>, if it did.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
