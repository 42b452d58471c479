using Registry.Data.Search;

namespace Registry.Catalog.Changes;

/// <summary>
/// Loads the ranked-search index when the process starts and catches it up whenever the change listener hears of a
/// newer change, so that a search seldom has to wait for that itself (it still checks, see <see cref="ServerSearchStore"/>).
/// </summary>
public sealed class SearchIndexRefresher(ServerSearchStore search, ChangeBroadcast broadcast, ILogger<SearchIndexRefresher> logger)
    : BackgroundService
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await search.CatchUpAsync(stoppingToken);
                await broadcast.WaitBeyondAsync(search.Position, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "The search index could not catch up; trying again in {Delay}", Retry);
                await Task.Delay(Retry, stoppingToken);
            }
        }
    }
}
