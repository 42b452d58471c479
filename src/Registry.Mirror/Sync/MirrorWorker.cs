using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using Registry.Data.Mirroring;
using Registry.Mirror.Upstream;

namespace Registry.Mirror.Sync;

/// <summary>
/// Runs passes for as long as the process lives: after a complete pass it waits the poll interval, after a failure
/// it backs off (or waits what a 429 asked for) and continues from the persisted position. No upstream or
/// database failure ends the process.
/// </summary>
public sealed class MirrorWorker(
    MirrorSynchronizer synchronizer,
    MirrorStateStore states,
    RetryDelay retryDelay,
    IOptions<MirrorOptions> options,
    TimeProvider clock,
    ILogger<MirrorWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Mirroring is off: Registry:Mirror:Upstream is not set");
            return;
        }

        logger.LogInformation("Mirroring {Upstream}", settings.UpstreamBase);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            using (var activity = MirrorActivitySource.Instance.StartActivity("mirror pass"))
            {
                activity?.SetTag("registry.mirror.upstream", settings.UpstreamBase);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var summary = await synchronizer.RunPassAsync(() => failures = 0, stoppingToken);
                    activity?.SetTag("registry.mirror.pages", summary.Pages).SetTag("registry.mirror.written", summary.Written);
                    logger.LogInformation(
                        "Mirror pass complete: {Pages} pages, {Read} versions read, {Written} written, {Rejected} rejected, in {ElapsedMs} ms",
                        summary.Pages, summary.Read, summary.Written, summary.Rejected, MirrorActivitySource.ElapsedMs(started));
                    failures = 0;
                    wait = settings.PollInterval;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    failures++;
                    wait = retryDelay.After(failures, (ex as UpstreamException)?.RetryAfter);
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    logger.LogWarning(ex, "Mirror pass failed after {ElapsedMs} ms ({Failures} in a row): {Reason}; next attempt in {Wait}",
                        MirrorActivitySource.ElapsedMs(started), failures, ex.Message, wait);
                    await RecordErrorAsync(settings.UpstreamBase, ex, stoppingToken);
                }
            }

            try
            {
                await Task.Delay(wait, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Best effort: when the database is what failed, the error is in the log only.</summary>
    private async Task RecordErrorAsync(string upstream, Exception error, CancellationToken cancellationToken)
    {
        try
        {
            await states.RecordErrorAsync(upstream, error.Message, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            logger.LogWarning(ex, "The mirror's last error could not be recorded");
        }
    }
}
