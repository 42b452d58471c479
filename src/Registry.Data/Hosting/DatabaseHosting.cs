using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Registry.Domain.Errors;

namespace Registry.Data.Hosting;

/// <summary>
/// The one way a process gets the registry's PostgreSQL: Aspire's Npgsql client integration (data source, health
/// check, traces and metrics) reading the <c>registrydb</c> connection string, with our defaults for what the
/// string leaves unset.
/// </summary>
public static class DatabaseHosting
{
    public const string ConnectionStringName = "registrydb";

    public static IHostApplicationBuilder AddRegistryDatabase(
        this IHostApplicationBuilder builder, DatabaseWorkload workload = DatabaseWorkload.Requests)
    {
        builder.AddNpgsqlDataSource(ConnectionStringName, settings =>
        {
            settings.ConnectionString = ConnectionDefaults.Apply(
                settings.ConnectionString
                    ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not configured."),
                workload);
            // As for every other span (Registry.ServiceDefaults): recorded only when there is somewhere to send it,
            // because a listener makes every statement build a span that nobody reads.
            settings.DisableTracing = string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        });
        // Npgsql logs every statement it runs at Information; statements are spans already, so only its warnings
        // and errors are kept.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.Services.AddSingleton<DatabaseReachability>();
        builder.Services.AddSingleton<IExceptionTranslator, DatabaseUnavailableTranslator>();
        return builder;
    }
}
