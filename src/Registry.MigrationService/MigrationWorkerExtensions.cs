using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Registry.Data.Migrations;
using Registry.Data.Seeding;

namespace Registry.MigrationService;

public static class MigrationWorkerExtensions
{
    public static IHostApplicationBuilder AddMigrationWorker(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("registrydb")
            ?? throw new InvalidOperationException("ConnectionStrings:registrydb is not configured.");
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<WireJsonBackfill>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<BulkSeedImporter>();
        builder.Services.AddSingleton<SeedSource>();
        builder.Services.AddHttpClient(SeedSource.HttpClientName);
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddHostedService<MigrationWorker>();
        return builder;
    }
}
