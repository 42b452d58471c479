using System.Data.Common;
using Npgsql;

namespace Registry.Data.Hosting;

/// <summary>
/// Defaults for what the connection string leaves unset. The services send the same few statements all day, so
/// they are prepared once per connection instead of planned per call. The pool is kept near the core count:
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

        // Prepared statements still save parsing, but every execution is planned for its own values: a generic plan
        // of the search cannot know whether a term matches a few names or all of them, and the one PostgreSQL
        // settled on made "a term every name contains" 20 times slower (25 ms instead of 1.4 ms at 100k versions).
        if (!given.Contains("options"))
        {
            settings.Options = "-c plan_cache_mode=force_custom_plan";
        }

        return settings.ConnectionString;
    }
}
