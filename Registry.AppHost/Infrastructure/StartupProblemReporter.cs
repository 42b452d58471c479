using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// Says on the AppHost's console what otherwise only the dashboard shows: a resource that fails to start or exits
/// with an error, with the last lines it wrote, and, while the system is not up yet, which resources are not ready
/// and what they wait for. Without it a failing PostgreSQL leaves a newcomer facing a silent wait.
/// It starts from <see cref="BeforeStartEvent"/>, not as a hosted service: when a resource fails early the
/// orchestrator's own start may never finish, and hosted services registered after it would never start.
/// </summary>
internal sealed class StartupProblemReporter(
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    IHostApplicationLifetime lifetime,
    ILogger<StartupProblemReporter> logger)
{
    private const int TailLines = 25;
    private static readonly TimeSpan FirstWaitingReport = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan WaitingReportInterval = TimeSpan.FromSeconds(60);
    private static readonly string[] ProcessTypes = ["Executable", "Project", "Container"];

    private readonly ConcurrentDictionary<string, ResourceEvent> latest = new();

    private Task? running;

    public void Start() => running ??= Task.Run(() => RunAsync(lifetime.ApplicationStopping));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var waitingReports = ReportWhileNotReadyAsync(stoppingToken);
        var reported = new HashSet<string>();
        try
        {
            await foreach (var change in notifications.WatchAsync(stoppingToken))
            {
                latest[change.ResourceId] = change;
                if (lifetime.ApplicationStopping.IsCancellationRequested || Failure(change.Snapshot) is not { } failure
                    || !reported.Add($"{change.ResourceId}@{change.Snapshot.StartTimeStamp:O}"))
                {
                    continue;
                }

                logger.LogError("Resource {Resource} {Failure}. Its last output:{NewLine}{Output}",
                    change.Resource.Name, failure, Environment.NewLine, await LastLinesAsync(change.ResourceId, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Reports of resources that fail to start have stopped");
        }

        await waitingReports;
    }

    private static string? Failure(CustomResourceSnapshot snapshot) => snapshot.State?.Text switch
    {
        var s when s == KnownResourceStates.FailedToStart => "failed to start",
        var s when (s == KnownResourceStates.Exited || s == KnownResourceStates.Finished) && snapshot.ExitCode is { } code && code != 0 =>
            $"exited with code {code}",
        _ => null,
    };

    private async Task<string> LastLinesAsync(string resourceId, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var tail = new Queue<string>();
        try
        {
            await foreach (var batch in logs.GetAllAsync(resourceId).WithCancellation(timeout.Token))
            {
                foreach (var line in batch)
                {
                    tail.Enqueue("    " + line.Content);
                    if (tail.Count > TailLines)
                    {
                        tail.Dequeue();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        return tail.Count == 0 ? "    (nothing)" : string.Join(Environment.NewLine, tail);
    }

    private async Task ReportWhileNotReadyAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstWaitingReport, stoppingToken);
            while (NotReady() is { Count: > 0 } waiting)
            {
                logger.LogWarning("Not ready yet: {Resources}", string.Join("; ", waiting));
                await Task.Delay(WaitingReportInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private List<string> NotReady() => latest.Values
        .Where(e => ProcessTypes.Contains(e.Snapshot.ResourceType) && !e.Snapshot.IsHidden && !IsReady(e.Snapshot))
        .OrderBy(e => e.Resource.Name, StringComparer.Ordinal)
        .Select(Describe)
        .ToList();

    private static bool IsReady(CustomResourceSnapshot snapshot) => snapshot.State?.Text switch
    {
        var s when s == KnownResourceStates.Running => snapshot.HealthStatus is null or Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy,
        var s when s == KnownResourceStates.Finished || s == KnownResourceStates.Exited => snapshot.ExitCode == 0,
        _ => false,
    };

    private static string Describe(ResourceEvent resource)
    {
        var snapshot = resource.Snapshot;
        if (Failure(snapshot) is { } failure)
        {
            return $"{resource.Resource.Name} {failure}";
        }

        var state = snapshot.State?.Text is { Length: > 0 } text ? text : "not started";
        if (state == KnownResourceStates.Waiting && resource.Resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToList() is { Count: > 0 } awaited)
        {
            return $"{resource.Resource.Name} waits for {string.Join(", ", awaited)}";
        }

        var failing = snapshot.HealthReports.Where(r => r.Status is not Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
            .Select(r => r.Description is { Length: > 0 } d ? $"{r.Name}: {d}" : r.Name)
            .ToList();
        return failing.Count > 0 ? $"{resource.Resource.Name} is {state}, unhealthy ({string.Join(", ", failing)})" : $"{resource.Resource.Name} is {state}";
    }
}

internal static class StartupProblemReports
{
    public static IDistributedApplicationBuilder AddStartupProblemReports(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StartupProblemReporter>();
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            started.Services.GetRequiredService<StartupProblemReporter>().Start();
            return Task.CompletedTask;
        });
        return builder;
    }
}
