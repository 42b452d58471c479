using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Domain.Errors;
using Registry.Domain.Publishing;
using Registry.Domain.Versions;

namespace Registry.Data.Writes;

/// <summary>
/// The publish service's writes: publish, edit and status changes. Each runs in one <see cref="WriteTransaction"/>
/// holding its server name's lock, so concurrent writers to a name queue: two publishes of one version cannot both
/// succeed, and "latest" moves atomically. A status change chooses "latest" again (<see cref="LatestVersionFlag"/>).
/// The same transaction appends what changed to the change log.
/// </summary>
public sealed class ServerWriteStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = ServerRecordReader.Columns;

    public async Task<ServerVersionRecord> PublishAsync(NewServerVersion version, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, [version.Name], version.RemoteUrls, cancellationToken);
        var name = ("name", (object?)version.Name);
        var existing = (long)(await transaction.ScalarAsync("SELECT count(*) FROM servers WHERE server_name = @name", cancellationToken, name))!;
        VersionsPerName.RequireRoomForAnother(version.Name, existing);

        if (await transaction.ScalarAsync("SELECT 1 FROM servers WHERE server_name = @name AND version = @version",
                cancellationToken, name, ("version", version.Version)) is not null)
        {
            throw RegistryErrors.DuplicateVersion();
        }

        await RemoteUrlOwnership.EnsureFreeAsync(transaction, version.Name, version.RemoteUrls, cancellationToken);

        var now = transaction.Now;
        var latest = (await transaction.RecordsAsync($"SELECT {Columns} FROM servers WHERE server_name = @name AND is_latest",
            cancellationToken, name)).SingleOrDefault();
        // Status changes keep the flag on the best version not deleted, so while it is on one, the new version need
        // only beat that one. Otherwise (every version deleted, a flag left on a deleted version before status changes
        // moved it, or a mirrored name without a latest) the flag is chosen again once the new version is stored.
        var bestNotDeleted = latest is { Status: not ServerStatus.Deleted } ? latest : null;
        var becomesLatest = existing == 0
            || bestNotDeleted is not null && ServerVersionOrdering.IsNewer(version.Version, now, bestNotDeleted.Version, bestNotDeleted.PublishedAt);
        if (becomesLatest && latest is not null)
        {
            await transaction.ExecuteAsync("UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest", cancellationToken, name);
        }

        var inserted = await transaction.RecordsAsync(
            $"""
            INSERT INTO servers (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
            VALUES (@name, @version, 'active', @now, @now, @now, @latest, @value, @wire_json)
            RETURNING {Columns}
            """,
            cancellationToken, name, ("version", version.Version), ("now", now), ("latest", becomesLatest),
            ("value", new JsonText(version.Document)), ("wire_json", ServerWireJson.Render(version.Document)));
        var record = inserted.Single();
        var changes = new List<NewServerChange>();
        if (existing > 0 && bestNotDeleted is null && await LatestVersionFlag.RecalculateAsync(transaction, version.Name, now, cancellationToken) is { } move)
        {
            record = move.Apply(record);
            if (move.Taken.Version != record.Version)
            {
                changes.Add(NewServerChange.Of(move.Taken, ServerChangeKind.BecameLatest));
            }
        }

        await transaction.CommitAsync([NewServerChange.Of(record, ServerChangeKind.Published), .. changes], cancellationToken);
        return record;
    }

    /// <summary>Replaces a version's document; publication time, status and latest flag stay. Null when absent.</summary>
    public async Task<ServerVersionRecord?> EditAsync(NewServerVersion version, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, [version.Name], version.RemoteUrls, cancellationToken);
        var key = new[] { ("name", (object?)version.Name), ("version", (object?)version.Version) };
        if (await transaction.ScalarAsync("SELECT 1 FROM servers WHERE server_name = @name AND version = @version", cancellationToken, key) is null)
        {
            return null;
        }

        await RemoteUrlOwnership.EnsureFreeAsync(transaction, version.Name, version.RemoteUrls, cancellationToken);
        var updated = await transaction.RecordsAsync(
            $"UPDATE servers SET value = @value, wire_json = @wire_json, updated_at = @now WHERE server_name = @name AND version = @version RETURNING {Columns}",
            cancellationToken, [.. key, ("value", new JsonText(version.Document)), ("wire_json", ServerWireJson.Render(version.Document)), ("now", transaction.Now)]);
        var record = updated.Single();
        await transaction.CommitAsync([NewServerChange.Of(record, ServerChangeKind.Edited)], cancellationToken);
        return record;
    }

    /// <summary>
    /// Sets one version's status and stores the message as given (<see cref="StatusChange"/> decides it). Null when
    /// the version does not exist (deleted ones included).
    /// </summary>
    public async Task<ServerVersionRecord?> SetVersionStatusAsync(
        string name, string version, string status, string? message, CancellationToken cancellationToken)
    {
        var rows = await ChangeStatusAsync(name, status, message, "AND version = @version", [("version", version)], cancellationToken);
        return rows?.Single();
    }

    /// <summary>Sets the status of every version of a name that does not already have it. Null when the name is unknown.</summary>
    public Task<IReadOnlyList<ServerVersionRecord>?> SetAllVersionsStatusAsync(
        string name, string status, string? message, CancellationToken cancellationToken) =>
        ChangeStatusAsync(name, status, message, "", [], cancellationToken);

    private async Task<IReadOnlyList<ServerVersionRecord>?> ChangeStatusAsync(
        string name, string status, string? message, string versionFilter, (string, object?)[] versionParameters, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, [name], [], cancellationToken);
        var current = await transaction.RecordsAsync(
            $"SELECT {Columns} FROM servers WHERE server_name = @name {versionFilter} FOR UPDATE",
            cancellationToken, [("name", name), .. versionParameters]);
        if (current.Count == 0)
        {
            return null;
        }

        var changing = current.Where(r => r.Status != status || r.StatusMessage != message).ToList();
        if (changing.Count == 0)
        {
            throw ServerWriteException.NothingToChange(status);
        }

        // Reactivating a deleted version claims its remote URLs again.
        var reactivatedUrls = status == ServerStatus.Deleted
            ? []
            : changing.Where(r => r.Status == ServerStatus.Deleted).SelectMany(r => StoredServerDocument.RemoteUrls(r.Document)).Distinct().ToList();
        await transaction.LockRemoteUrlsAsync(reactivatedUrls, cancellationToken);
        await RemoteUrlOwnership.EnsureFreeAsync(transaction, name, reactivatedUrls, cancellationToken);
        var now = transaction.Now;
        IReadOnlyList<ServerVersionRecord> updated = await transaction.RecordsAsync(
            $"""
            UPDATE servers
            SET status_changed_at = CASE WHEN status <> @status THEN @now ELSE status_changed_at END,
                status = @status, status_message = @message, updated_at = @now
            WHERE server_name = @name {versionFilter} AND (status <> @status OR status_message IS DISTINCT FROM @message)
            RETURNING {Columns}
            """,
            cancellationToken, [("name", name), ("status", status), ("message", message), ("now", now), .. versionParameters]);
        var changes = updated.OrderBy(r => r.PublishedAt).ThenBy(r => r.Version, StringComparer.Ordinal)
            .Select(r => NewServerChange.Of(r, ServerChangeKind.StatusChanged)).ToList();
        if (await LatestVersionFlag.RecalculateAsync(transaction, name, now, cancellationToken) is { } move)
        {
            updated = updated.Select(move.Apply).ToList();
            if (updated.All(r => r.Version != move.Taken.Version))
            {
                changes.Add(NewServerChange.Of(move.Taken, ServerChangeKind.BecameLatest));
            }
        }

        await transaction.CommitAsync(changes, cancellationToken);
        return updated.OrderByDescending(r => r.PublishedAt).ToList();
    }
}
