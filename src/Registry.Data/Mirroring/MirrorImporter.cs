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
        var followedOnly = await FollowedOnlyAsync(transaction, versions, cancellationToken);
        var statements = new List<(string, (string, object?)[])>();
        foreach (var version in versions)
        {
            var key = new[] { ("name", (object?)version.Name), ("version", (object?)version.Version) };
            if (!version.AdmitNew && followedOnly.Absent.Contains((version.Name, version.Version)))
            {
                // A filtered-out version that upstream made latest still means our latest of that name is no longer latest.
                if (version.IsLatest && followedOnly.MirroredNames.Contains(version.Name))
                {
                    statements.Add(ClearLatest(key));
                }

                continue;
            }

            if (version.IsLatest)
            {
                statements.Add(ClearLatest(key));
            }

            statements.Add(Upsert(key, version));
        }

        // The whole page in one round trip: at a statement or two a version, one round trip each made a first pass of
        // an official-sized catalog (61,106 versions) take 89-97 s.
        var written = (await transaction.BatchRecordsAsync(statements, cancellationToken)).SelectMany(rows => rows).ToList();
        await MarkMirroredAsync(transaction, upstream, written, cancellationToken);
        await MirrorStateStore.SaveAsync(transaction, upstream, position, completesPass ? transaction.Now : null, cancellationToken);
        await transaction.CommitAsync(written.Select(r => NewServerChange.Of(r, ServerChangeKind.Mirrored)).ToList(), cancellationToken);
        return new Result(written);
    }

    /// <summary>
    /// For the versions only followed when already stored (<see cref="MirroredVersion.AdmitNew"/> false): which are not
    /// stored, and which of their names this mirror has written before. Read once, before the page's writes, which
    /// change neither (names are marked mirrored after them).
    /// </summary>
    private static async Task<(HashSet<(string, string)> Absent, HashSet<string> MirroredNames)> FollowedOnlyAsync(
        WriteTransaction transaction, IReadOnlyList<MirroredVersion> versions, CancellationToken cancellationToken)
    {
        var followed = versions.Where(v => !v.AdmitNew).ToList();
        if (followed.Count == 0)
        {
            return ([], []);
        }

        var rows = await transaction.RowsAsync(
            """
            SELECT k.name, k.version,
                   EXISTS (SELECT 1 FROM servers s WHERE s.server_name = k.name AND s.version = k.version),
                   EXISTS (SELECT 1 FROM mirrored_names m WHERE m.server_name = k.name)
            FROM unnest(@names, @versions) AS k(name, version)
            """,
            reader => (Name: reader.GetString(0), Version: reader.GetString(1), Stored: reader.GetBoolean(2), Mirrored: reader.GetBoolean(3)),
            cancellationToken,
            ("names", followed.Select(v => v.Name).ToArray()),
            ("versions", followed.Select(v => v.Version).ToArray()));
        return (rows.Where(r => !r.Stored).Select(r => (r.Name, r.Version)).ToHashSet(),
            rows.Where(r => r.Mirrored).Select(r => r.Name).ToHashSet(StringComparer.Ordinal));
    }

    private static (string, (string, object?)[]) Upsert((string, object?)[] key, MirroredVersion version) =>
        (UpsertSql,
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

    /// <summary>Before a version becomes latest, so that the one-latest-per-name index never sees two.</summary>
    private static (string, (string, object?)[]) ClearLatest((string, object?)[] key) =>
        ("UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest AND version <> @version", key);

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
