using Microsoft.Extensions.Options;
using Registry.Data.Migrations;
using Registry.Data.Seeding;

namespace Registry.MigrationService;

/// <summary>
/// Brings the database schema up to date, imports the optional seed, then exits. The AppHost starts the services
/// only after this completes successfully; a failure exits non-zero so that they never start on a bad schema.
/// </summary>
public sealed class MigrationWorker(
    MigrationRunner migrations,
    WireJsonBackfill backfill,
    SeedSource seedSource,
    BulkSeedImporter importer,
    IOptions<SeedOptions> seedOptions,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await migrations.ApplyAsync(stoppingToken);
            if (await backfill.RunAsync(stoppingToken) is > 0 and var rendered)
            {
                logger.LogInformation("Rendered the wire JSON of {Rows} stored versions", rendered);
            }

            if (!string.IsNullOrWhiteSpace(seedOptions.Value.SeedFrom))
            {
                await ImportSeedAsync(seedOptions.Value.SeedFrom, stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "Migration or seed import failed");
            // Once more without the stack, last: the AppHost reports a failed resource's last lines, and a stack
            // through the seed's read-ahead is longer than those.
            logger.LogCritical("Migration or seed import failed: {Reason}", ex.GetBaseException().Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    private async Task ImportSeedAsync(string from, CancellationToken cancellationToken)
    {
        int inserted = 0, present = 0, rejected = 0;
        await foreach (var page in seedSource.ReadAsync(from, cancellationToken).ReadAheadAsync(pages: 1, cancellationToken))
        {
            foreach (var reason in page.Rejected)
            {
                logger.LogWarning("Seed entry skipped: {Reason}", reason);
            }

            var result = await importer.ImportAsync(page.Entries, cancellationToken);
            inserted += result.Inserted;
            present += result.AlreadyPresent;
            rejected += page.Rejected.Count;
        }

        logger.LogInformation(
            "Seed imported from {SeedFrom}: {Inserted} new, {AlreadyPresent} already present, {Rejected} rejected",
            from, inserted, present, rejected);
    }
}
