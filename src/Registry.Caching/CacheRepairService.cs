using Microsoft.Extensions.Hosting;

namespace Registry.Caching;

/// <summary>Replaces the cache epoch soon after Redis returns, if anything was missed while it was away.</summary>
internal sealed class CacheRepairService(CacheGenerations generations) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await generations.RepairAsync();
        }
    }
}
