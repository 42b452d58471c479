namespace Registry.Bench.Load;

/// <summary>One wrk run: throughput, exact latency percentiles (from the Lua <c>done()</c>) and every kind of failure.</summary>
public sealed record WrkResult(
    double RequestsPerSecond,
    long Requests,
    double P50Ms,
    double P90Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    long Non2xx,
    long SocketErrors)
{
    public long Failures => Non2xx + SocketErrors;
}
