namespace Registry.Bench.Load;

/// <summary>
/// One wrk run: throughput, exact latency percentiles (from the Lua <c>done()</c>) and every kind of failure; the
/// statuses of failed responses only for scripts that tally them.
/// </summary>
public sealed record WrkResult(
    double RequestsPerSecond,
    long Requests,
    double P50Ms,
    double P90Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Non2xx,
    long SocketErrors,
    IReadOnlyDictionary<int, long> FailedStatuses)
{
    public long Failures => Non2xx + SocketErrors;
}
