using System.Data.Common;
using Npgsql;

namespace Registry.Data.Hosting;

/// <summary>
/// Defaults for what the connection string leaves unset. The services send the same few statements all day, so
/// they are prepared once per connection and, after PostgreSQL's first few executions, run on one generic plan
/// instead of being planned per call (planning took 0.22-0.28 ms of a 0.3 ms list page at 1,000 versions; the generic
/// plan 0.01 ms). The searches that need a plan for their own term say so themselves (<c>ServerListSql</c>). The pool is kept near the core count:
/// beyond that, more PostgreSQL backends only take turns on the same cores, and each turn costs a context switch.
/// </summary>
public static class ConnectionDefaults
{
    public static string Apply(string connectionString, DatabaseWorkload workload)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
            .ToHashSet();
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare"))
        {
            settings.MaxAutoPrepare = 64;
        }

        if (!given.Contains("maximumpoolsize") && !given.Contains("maxpoolsize"))
        {
            settings.MaxPoolSize = Math.Max(16, Environment.ProcessorCount * 8);
        }

        // An unreachable database must cost a request two seconds at most (to connect, or to wait for a pooled
        // connection) and a hung one ten, so that callers get a prompt 503 rather than a hang. Maintenance keeps
        // Npgsql's own, longer limits.
        if (workload == DatabaseWorkload.Requests && !given.Contains("timeout"))
        {
            settings.Timeout = 2;
        }

        if (workload == DatabaseWorkload.Requests && !given.Contains("commandtimeout"))
        {
            settings.CommandTimeout = 10;
        }

        return settings.ConnectionString;
    }
}
