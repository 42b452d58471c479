using Npgsql;
using Registry.Data.Changes;

namespace Registry.Catalog.Changes;

/// <summary>
/// The process's one LISTEN connection. It publishes each announced sequence to the watchers, and the log's
/// highest sequence when it (re)connects and whenever it has heard nothing for a while: that covers anything
/// committed while it was disconnected and proves a quiet connection still works.
/// </summary>
public sealed class ChangeListener(NpgsqlDataSource dataSource, ChangeBroadcast broadcast, ILogger<ChangeListener> logger) : BackgroundService
{
    private static readonly TimeSpan QuietCheck = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await ChangeLogListener.OpenAsync(dataSource, stoppingToken);
                broadcast.Publish(await listener.LatestSequenceAsync(stoppingToken));
                retry = FirstRetry;
                while (true)
                {
                    broadcast.Publish(await listener.WaitAsync(QuietCheck, stoppingToken)
                        ?? await listener.LatestSequenceAsync(stoppingToken));
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Change notifications interrupted; listening again in {Delay}", retry);
                await Task.Delay(retry, stoppingToken);
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
            }
        }
    }
}
