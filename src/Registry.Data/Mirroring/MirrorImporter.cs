using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Data.Writes;

namespace Registry.Data.Mirroring;

/// <summary>
/// Writes one upstream page and the position after it in one transaction, so a failure anywhere leaves either the
/// whole page or nothing. Versions keep the upstream's status, timestamps and latest flag. A row that already
/// matches upstream is not touched, so importing the same page again changes nothing. Each version inserted or
/// changed is appended to the change log as <c>mirrored</c>, in the same transaction, timed as its upstream
/// <c>updatedAt</c>.
/// </summary>
public sealed class MirrorImporter(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Columns = ServerRecordReader.Columns;

    private const string UpsertSql =
        $"""
        INSERT INTO servers AS s (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
        VALUES (@name, @version, @status, @status_message, @status_changed_at, @published_at, @updated_at, @is_latest, @value, @wire_json)
        ON CONFLICT (server_name, version) DO UPDATE
        SET status = EXCLUDED.status, status_message = EXCLUDED.status_message, status_changed_at = EXCLUDED.status_changed_at,
            published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, is_latest = EXCLUDED.is_latest, value = EXCLUDED.value,
            wire_json = EXCLUDED.wire_json
        WHERE (s.status, s.status_message, s.status_changed_at, s.published_at, s.updated_at, s.is_latest, s.value)
            IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.status_message, EXCLUDED.status_changed_at, EXCLUDED.published_at,
                              EXCLUDED.updated_at, EXCLUDED.is_latest, EXCLUDED.value)
        RETURNING {Columns}
        """;

    /// <summary>Versions this page inserted or changed, in page order.</summary>
    public sealed record Result(IReadOnlyList<ServerVersionRecord> Written)
    {
        public IReadOnlyList<string> ChangedNames => Written.Select(r => r.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <param name="completesPass">The page is the last of a pass: the time of this import becomes the last successful sync.</param>
    public async Task<Result> ImportPageAsync(
        string upstream, IReadOnlyList<MirroredVersion> versions, MirrorPosition position, bool completesPass, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, versions.Select(v => v.Name), [], cancellationToken);
        var written = new List<ServerVersionRecord>();
        foreach (var version in versions)
        {
            if (await WriteAsync(transaction, version, cancellationToken) is { } record)
            {
                written.Add(record);
            }
        }

        await MarkMirroredAsync(transaction, upstream, written, cancellationToken);
        await MirrorStateStore.SaveAsync(transaction, upstream, position, completesPass ? transaction.Now : null, cancellationToken);
        await transaction.CommitAsync(written.Select(r => NewServerChange.Of(r, ServerChangeKind.Mirrored)).ToList(), cancellationToken);
        return new Result(written);
    }

    private static async Task<ServerVersionRecord?> WriteAsync(WriteTransaction transaction, MirroredVersion version, CancellationToken cancellationToken)
    {
        var key = new[] { ("name", (object?)version.Name), ("version", (object?)version.Version) };
        if (!version.AdmitNew
            && await transaction.ScalarAsync("SELECT 1 FROM servers WHERE server_name = @name AND version = @version", cancellationToken, key) is null)
        {
            // A filtered-out version that upstream made latest still means our latest of that name is no longer latest.
            if (version.IsLatest
                && await transaction.ScalarAsync("SELECT 1 FROM mirrored_names WHERE server_name = @name", cancellationToken, key[0]) is not null)
            {
                await ClearLatestAsync(transaction, key, cancellationToken);
            }

            return null;
        }

        if (version.IsLatest)
        {
            await ClearLatestAsync(transaction, key, cancellationToken);
        }

        var records = await transaction.RecordsAsync(
            UpsertSql,
            cancellationToken,
            [
                .. key,
                ("status", version.Status),
                ("status_message", version.StatusMessage),
                ("status_changed_at", version.StatusChangedAt),
                ("published_at", version.PublishedAt),
                ("updated_at", version.UpdatedAt),
                ("is_latest", version.IsLatest),
                ("value", new JsonText(version.Document)),
                ("wire_json", ServerWireJson.Render(version.Document)),
            ]);
        return records.SingleOrDefault();
    }

    /// <summary>Before a version becomes latest, so that the one-latest-per-name index never sees two.</summary>
    private static Task<int> ClearLatestAsync(WriteTransaction transaction, (string, object?)[] key, CancellationToken cancellationToken) =>
        transaction.ExecuteAsync(
            "UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest AND version <> @version", cancellationToken, key);

    private static async Task MarkMirroredAsync(
        WriteTransaction transaction, string upstream, IReadOnlyList<ServerVersionRecord> written, CancellationToken cancellationToken)
    {
        if (written.Count == 0)
        {
            return;
        }

        await transaction.ExecuteAsync(
            """
            INSERT INTO mirrored_names (server_name, upstream, first_mirrored_at)
            SELECT DISTINCT name, @upstream, @now FROM unnest(@names) AS name
            ON CONFLICT (server_name) DO NOTHING
            """,
            cancellationToken,
            ("names", written.Select(r => r.Name).ToArray()),
            ("upstream", upstream),
            ("now", transaction.Now));
    }
}
