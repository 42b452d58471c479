using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Registry.Domain.Audit;

namespace Registry.Data.Audit;

/// <summary>
/// Appends to the audit trail after the write it describes has ended. The write's own answer stands whatever
/// happens here: a row that cannot be stored is logged as a warning (without the entry's permissions) and dropped,
/// and the caller's cancellation does not stop it, since the write it records has already happened.
/// </summary>
public sealed partial class AuditTrailWriter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<AuditTrailWriter> logger)
{
    private const string InsertSql = """
        INSERT INTO audit_events (occurred_at, actor, auth_method, permissions, client_address, action, server_name, version, detail, outcome, status_code)
        VALUES (@occurred_at, @actor, @auth_method, @permissions, @client_address, @action, @server_name, @version, @detail, @outcome, @status_code)
        """;

    public async Task AppendAsync(AuditEntry entry)
    {
        try
        {
            await using var command = dataSource.CreateCommand(InsertSql);
            command.Parameters.Add(new NpgsqlParameter("occurred_at", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow() });
            command.Parameters.Add(new NpgsqlParameter("actor", NpgsqlDbType.Text) { Value = entry.Actor });
            command.Parameters.Add(new NpgsqlParameter("auth_method", NpgsqlDbType.Text) { Value = entry.AuthMethod });
            command.Parameters.Add(new NpgsqlParameter("permissions", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entry.Permissions.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("client_address", NpgsqlDbType.Text) { Value = entry.ClientAddress });
            command.Parameters.Add(new NpgsqlParameter("action", NpgsqlDbType.Text) { Value = entry.Action });
            command.Parameters.Add(new NpgsqlParameter("server_name", NpgsqlDbType.Text) { Value = (object?)entry.ServerName ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Varchar) { Value = (object?)entry.Version ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("detail", NpgsqlDbType.Text) { Value = (object?)entry.Detail ?? DBNull.Value });
            command.Parameters.Add(new NpgsqlParameter("outcome", NpgsqlDbType.Text) { Value = entry.Outcome });
            command.Parameters.Add(new NpgsqlParameter("status_code", NpgsqlDbType.Integer) { Value = entry.StatusCode });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            NotRecorded(logger, ex, entry.Action, entry.ServerName ?? "", entry.Version ?? "", entry.Actor, entry.Outcome, entry.StatusCode);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Audit event not recorded: {Action} of {ServerName}@{Version} by {Actor} {Outcome} with {StatusCode}")]
    private static partial void NotRecorded(
        ILogger logger, Exception exception, string action, string serverName, string version, string actor, string outcome, int statusCode);
}
