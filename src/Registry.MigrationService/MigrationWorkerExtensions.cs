using Microsoft.Extensions.DependencyInjection.Extensions;
using Registry.Data.Hosting;
using Registry.Data.Migrations;
using Registry.Data.Seeding;

namespace Registry.MigrationService;

public static class MigrationWorkerExtensions
{
    public static IHostApplicationBuilder AddMigrationWorker(this IHostApplicationBuilder builder)
    {
        builder.AddRegistryDatabase(DatabaseWorkload.Maintenance);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddBoundOptions<MigrationWaitOptions>();
        if (builder.Configuration.GetValue<bool>($"{MigrationWaitOptions.Section}:{nameof(MigrationWaitOptions.WaitOnly)}"))
        {
            builder.Services.AddSingleton<AppliedMigrationsWait>();
            builder.Services.AddHostedService<MigrationWaitWorker>();
            return builder;
        }

        builder.Services.AddSingleton<MigrationRunner>();
        builder.Services.AddSingleton<WireJsonBackfill>();
        builder.Services.AddSingleton<BulkSeedImporter>();
        builder.Services.AddSingleton<SeedSource>();
        builder.Services.AddHttpClient(SeedSource.HttpClientName);
        builder.AddBoundOptions<SeedOptions>();
        builder.Services.AddHostedService<MigrationWorker>();
        return builder;
    }
}
