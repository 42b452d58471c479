using Microsoft.Extensions.Logging;

namespace Registry.Publish.Telemetry;

/// <summary>
/// The one event each write leaves. Only names, versions, statuses, gates and timings are logged: never a header,
/// a token or a document.
/// </summary>
internal static partial class WriteLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Published {ServerName}@{Version} in {ElapsedMs} ms")]
    public static partial void Published(ILogger logger, string serverName, string version, long elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Edited {ServerName}@{Version} in {ElapsedMs} ms")]
    public static partial void Edited(ILogger logger, string serverName, string version, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Changed the status of {ServerName}@{Version} to {Status} in {ElapsedMs} ms")]
    public static partial void StatusChanged(ILogger logger, string serverName, string version, string status, long elapsedMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Annotated {ServerName}@{Version} under {Key} in {ElapsedMs} ms")]
    public static partial void Annotated(ILogger logger, string serverName, string version, string key, long elapsedMs);

    [LoggerMessage(EventId = 4, Message = "Refused {Operation} of {ServerName}@{Version} at {Gate} with {Status} in {ElapsedMs} ms")]
    public static partial void Refused(ILogger logger, LogLevel level, string operation, string serverName, string version, string gate, int status, long elapsedMs);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Failed {Operation} of {ServerName}@{Version} at {Gate} after {ElapsedMs} ms")]
    public static partial void Failed(ILogger logger, Exception exception, string operation, string serverName, string version, string gate, long elapsedMs);
}
