using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registry.AppHost.Infrastructure;

/// <summary>Marks a local process (PostgreSQL, the cache) that the AppHost starts again when it exits on its own.</summary>
internal sealed class RestartOnExitAnnotation : IResourceAnnotation;

/// <summary>
/// Starts a marked resource again when it exits on its own (it was running, nobody asked it to stop), after a pause
/// that doubles while it keeps failing: PostgreSQL then recovers on its data folder and the services reconnect without
/// a restart of anything else. A resource stopped from the dashboard or a test stays stopped.
/// </summary>
internal sealed class ProcessSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    AppHostSettings settings,
    ILogger<ProcessSupervisor> logger)
{
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableRun = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Observed> seen = new();
    private Task? running;

    private sealed record Observed(string? State, int QuickFailures, DateTimeOffset RunningSince);

    public void Start() => running ??= Task.Run(() => WatchAsync(lifetime.ApplicationStopping));

    private async Task WatchAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var change in notifications.WatchAsync(stopping))
            {
                if (change.Resource.Annotations.OfType<RestartOnExitAnnotation>().Any())
                {
                    Observe(change, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Restarting resources that exit has stopped");
        }
    }

    private void Observe(ResourceEvent change, CancellationToken stopping)
    {
        var state = change.Snapshot.State?.Text;
        var previous = seen.GetValueOrDefault(change.ResourceId) ?? new Observed(null, 0, DateTimeOffset.MinValue);
        if (state == previous.State)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        if (state == KnownResourceStates.Running)
        {
            seen[change.ResourceId] = previous with { State = state, RunningSince = now };
            return;
        }

        // A resource stopped on purpose passes through Stopping; one that dies goes straight from Running to Exited.
        var exitedOnItsOwn = previous.State == KnownResourceStates.Running
            && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished);
        if (!exitedOnItsOwn || stopping.IsCancellationRequested)
        {
            seen[change.ResourceId] = previous with { State = state };
            return;
        }

        var quickFailures = now - previous.RunningSince > StableRun ? 0 : previous.QuickFailures;
        var pause = TimeSpan.FromTicks(Math.Min(settings.FirstRestartPause.Ticks << Math.Min(quickFailures, 5), LongestPause.Ticks));
        seen[change.ResourceId] = previous with { State = state, QuickFailures = quickFailures + 1 };
        _ = RestartAsync(change.Resource.Name, change.ResourceId, change.Snapshot.ExitCode, pause, stopping);
    }

    private async Task RestartAsync(string name, string resourceId, int? exitCode, TimeSpan pause, CancellationToken stopping)
    {
        try
        {
            logger.LogWarning("Resource {Resource} exited on its own (code {ExitCode}); starting it again in {Pause}", name, exitCode, pause);
            await Task.Delay(pause, stopping);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stopping);
            if (result.Success)
            {
                logger.LogInformation("Resource {Resource} started again", name);
            }
            else
            {
                logger.LogError("Resource {Resource} could not be started again: {Reason}", name, result.Message);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}

internal static class ProcessSupervision
{
    public static IDistributedApplicationBuilder AddProcessSupervision(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<ProcessSupervisor>();
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            started.Services.GetRequiredService<ProcessSupervisor>().Start();
            return Task.CompletedTask;
        });
        return builder;
    }

    public static IResourceBuilder<T> WithRestartOnExit<T>(this IResourceBuilder<T> resource) where T : IResource =>
        resource.WithAnnotation(new RestartOnExitAnnotation());
}
