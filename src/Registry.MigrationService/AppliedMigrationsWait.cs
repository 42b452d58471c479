using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Data.Hosting;
using Registry.Data.Migrations;

namespace Registry.MigrationService;

/// <summary>
/// Polls <c>schema_migrations</c> until every migration embedded in this image is recorded there. Only reads: a
/// database that cannot be reached yet, or has no schema yet, simply means "not yet".
/// </summary>
public sealed class AppliedMigrationsWait(
    NpgsqlDataSource dataSource,
    IOptions<MigrationWaitOptions> options,
    TimeProvider time,
    ILogger<AppliedMigrationsWait> logger)
{
    /// <returns>true once every known migration is applied; false when the timeout passed first.</returns>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var deadline = time.GetTimestamp() + (long)(settings.WaitTimeout.TotalSeconds * time.TimestampFrequency);
        var known = MigrationRunner.KnownMigrationIds;
        while (true)
        {
            var missing = await MissingAsync(known, cancellationToken);
            if (missing.Count == 0)
            {
                logger.LogInformation("All {Count} migrations are applied", known.Count);
                return true;
            }

            if (time.GetTimestamp() >= deadline)
            {
                logger.LogError("Migrations still missing after {Timeout}: {Missing}", settings.WaitTimeout, string.Join(", ", missing));
                return false;
            }

            await Task.Delay(settings.PollInterval, time, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> MissingAsync(IReadOnlyList<string> known, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT id FROM schema_migrations");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var applied = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }

            return known.Where(id => !applied.Contains(id)).ToList();
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return known;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && DatabaseFailures.IsUnavailable(ex))
        {
            logger.LogInformation("The database cannot be reached yet: {Reason}", ex.Message);
            return known;
        }
    }
}
