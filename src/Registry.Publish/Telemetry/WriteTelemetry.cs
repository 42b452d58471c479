using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Registry.Domain.Audit;
using Registry.Domain.Errors;

namespace Registry.Publish.Telemetry;

/// <summary>One span, one log event and one audit row around every write, whatever its outcome.</summary>
public sealed class WriteTelemetry(ILogger<WriteTelemetry> logger, TimeProvider clock, WriteAudit audit, IEnumerable<IExceptionTranslator> translators)
{
    public const string SourceName = "Registry.Publish";

    /// <summary>Stands for the version in the log and span of a change to every version of a name.</summary>
    public const string AllVersions = "*";

    /// <summary>Stands for a name or version a document that fails its schema does not carry.</summary>
    private const string Unknown = "?";

    private static readonly ActivitySource Source = new(SourceName);

    /// <param name="status">The status a status change sets, the key an annotation write sets; null for publish and edit.</param>
    public async Task<T> TraceAsync<T>(
        WriteOperation operation, string? serverName, string? version, string? status, Func<WriteProgress, Task<T>> write)
    {
        var name = serverName ?? Unknown;
        var shownVersion = version ?? Unknown;
        using var activity = Source.StartActivity(operation.Name);
        activity?.SetTag("registry.server.name", name);
        activity?.SetTag("registry.server.version", shownVersion);
        var progress = new WriteProgress();
        var started = clock.GetTimestamp();
        T result;
        try
        {
            result = await write(progress);
        }
        catch (RegistryException refusal)
        {
            Mark(activity, "refused", progress.Gate);
            activity?.SetTag("http.response.status_code", refusal.Status);
            WriteLog.Refused(logger, refusal.Status >= 500 ? LogLevel.Warning : LogLevel.Information,
                operation.Name, name, shownVersion, progress.Gate, refusal.Status, ElapsedMs(started));
            await audit.RecordAsync(operation, progress, serverName, version, status, AuditOutcomes.Refused, refusal.Status);
            throw;
        }
        catch (Exception failure)
        {
            Mark(activity, "failed", progress.Gate);
            WriteLog.Failed(logger, failure, operation.Name, name, shownVersion, progress.Gate, ElapsedMs(started));
            await audit.RecordAsync(operation, progress, serverName, version, status, AuditOutcomes.Failed, FailureStatus(failure));
            throw;
        }

        activity?.SetTag("registry.write.outcome", "succeeded");
        LogSuccess(operation, name, shownVersion, status, ElapsedMs(started));
        await audit.RecordAsync(operation, progress, serverName, version, status, AuditOutcomes.Succeeded, WriteAudit.SucceededStatus);
        return result;
    }

    private void LogSuccess(WriteOperation operation, string name, string version, string? status, long elapsedMs)
    {
        if (operation == WriteOperation.Publish)
        {
            WriteLog.Published(logger, name, version, elapsedMs);
        }
        else if (operation == WriteOperation.Edit)
        {
            WriteLog.Edited(logger, name, version, elapsedMs);
        }
        else if (operation == WriteOperation.Annotate)
        {
            WriteLog.Annotated(logger, name, version, status ?? Unknown, elapsedMs);
        }
        else
        {
            WriteLog.StatusChanged(logger, name, version, status ?? Unknown, elapsedMs);
        }
    }

    /// <summary>The status the caller is answered with: what a translator makes of the failure (503 for the database), else 500.</summary>
    private int FailureStatus(Exception failure) =>
        translators.Select(t => t.Translate(failure)).FirstOrDefault(e => e is not null)?.Status ?? 500;

    private static void Mark(Activity? activity, string outcome, string gate)
    {
        activity?.SetStatus(ActivityStatusCode.Error, outcome + " at " + gate);
        activity?.SetTag("registry.write.outcome", outcome);
        activity?.SetTag("registry.write.gate", gate);
    }

    private long ElapsedMs(long started) => (long)clock.GetElapsedTime(started).TotalMilliseconds;
}
