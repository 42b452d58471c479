namespace Registry.MigrationService;

/// <summary>
/// Runs instead of <see cref="MigrationWorker"/> when <c>Registry:Migrations:WaitOnly</c> is true: exits 0 once the
/// schema is complete, 1 when it is not within the timeout, so that whatever waits on it starts only on a full schema.
/// </summary>
public sealed class MigrationWaitWorker(AppliedMigrationsWait wait, IHostApplicationLifetime lifetime, ILogger<MigrationWaitWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!await wait.WaitAsync(stoppingToken))
            {
                Environment.ExitCode = 1;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCritical(ex, "Waiting for the migrations failed");
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
