using Npgsql;

namespace Registry.Data.Hosting;

/// <summary>
/// Failures that mean "the database cannot be reached right now" rather than "this request is wrong": no connection
/// (refused, reset, timed out, no pool slot in time), or a server that is shutting down, starting or full. Services
/// answer them with 503 and Retry-After, so that clients and the gateway's stale-if-error can tell an outage from a bug.
/// </summary>
public static class DatabaseFailures
{
    private static readonly string[] UnavailableStates =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections, PostgresErrorCodes.IdleSessionTimeout,
    ];

    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || UnavailableStates.Contains(postgres.SqlState),
        NpgsqlException => true,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };
}
