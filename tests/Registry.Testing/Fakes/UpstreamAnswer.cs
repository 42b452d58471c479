namespace Registry.Testing.Fakes;

/// <summary>How a fake upstream registry answers one list request: normally, with an error, by dropping the connection, or with a 429.</summary>
public sealed record UpstreamAnswer(int Status, TimeSpan? RetryAfter = null, bool Drop = false)
{
    public static readonly UpstreamAnswer Normal = new(200);
    public static readonly UpstreamAnswer ConnectionDrop = new(0, Drop: true);

    public static UpstreamAnswer Error(int status = 500) => new(status);

    public static UpstreamAnswer TooManyRequests(TimeSpan retryAfter) => new(429, retryAfter);
}

/// <summary>A list request the fake upstream received: when, its query parameters, and the status it answered (0: dropped).</summary>
public sealed record UpstreamListRequest(DateTimeOffset At, IReadOnlyDictionary<string, string> Query, int Status)
{
    public string? this[string parameter] => Query.TryGetValue(parameter, out var value) ? value : null;
}
