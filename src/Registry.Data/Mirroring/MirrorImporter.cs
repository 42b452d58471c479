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

    /// <summary>
    /// Every version of a page in one statement, so the statement-level triggers (the names table) run once a page,
    /// not once a version. Rows that already match upstream are left alone and not returned.
    /// </summary>
    private const string UpsertSql =
        $"""
        INSERT INTO servers AS s (server_name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
        SELECT name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value::jsonb, wire_json
        FROM unnest(@names, @versions, @statuses, @status_messages, @status_changed_at, @published_at, @updated_at, @is_latest, @values, @wire_json)
            WITH ORDINALITY AS page(name, version, status, status_message, status_changed_at, published_at, updated_at, is_latest, value, wire_json, position)
        ORDER BY position
        ON CONFLICT (server_name, version) DO UPDATE
        SET status = EXCLUDED.status, status_message = EXCLUDED.status_message, status_changed_at = EXCLUDED.status_changed_at,
            published_at = EXCLUDED.published_at, updated_at = EXCLUDED.updated_at, is_latest = EXCLUDED.is_latest, value = EXCLUDED.value,
            wire_json = EXCLUDED.wire_json
        WHERE (s.status, s.status_message, s.status_changed_at, s.published_at, s.updated_at, s.is_latest, s.value)
            IS DISTINCT FROM (EXCLUDED.status, EXCLUDED.status_message, EXCLUDED.status_changed_at, EXCLUDED.published_at,
                              EXCLUDED.updated_at, EXCLUDED.is_latest, EXCLUDED.value)
        RETURNING {Columns}
        """;

    /// <summary>Before versions become latest, so that the one-latest-per-name index never sees two.</summary>
    private const string ClearLatestSql =
        """
        UPDATE servers s SET is_latest = FALSE
        FROM unnest(@names, @versions) AS latest(name, version)
        WHERE s.server_name = latest.name AND s.is_latest AND s.version <> latest.version
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
        var upserts = new List<MirroredVersion>();
        var clears = new List<MirroredVersion>();
        foreach (var version in versions)
        {
            if (!version.AdmitNew && followedOnly.Absent.Contains((version.Name, version.Version)))
            {
                // A filtered-out version that upstream made latest still means our latest of that name is no longer latest.
                if (version.IsLatest && followedOnly.MirroredNames.Contains(version.Name))
                {
                    clears.Add(version);
                }

                continue;
            }

            if (version.IsLatest)
            {
                clears.Add(version);
            }

            upserts.Add(version);
        }

        // Set-based, as the page would end written one version after another: of one name's versions the page makes
        // latest, the last keeps the flag, and of a version the page holds twice, the last copy is written. Two set-based
        // statements in one round trip cost PostgreSQL a fraction of a statement or two per version (a first pass of an
        // official-sized catalog, 61,106 versions, took 87-97 s that way, PostgreSQL bound).
        var lastLatest = clears.GroupBy(v => v.Name, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var rows = LastCopies(upserts).Select(v => lastLatest.Contains(v) || !v.IsLatest ? v : v with { IsLatest = false }).ToList();
        var written = (await transaction.BatchRecordsAsync([ClearLatest(lastLatest), Upsert(rows)], cancellationToken)).SelectMany(r => r).ToList();
        await MarkMirroredAsync(transaction, upstream, written, cancellationToken);
        await MirrorStateStore.SaveAsync(transaction, upstream, position, completesPass ? transaction.Now : null, cancellationToken);
        await transaction.CommitAsync(written.Select(r => NewServerChange.Of(r, ServerChangeKind.Mirrored)).ToList(), cancellationToken);
        return new Result(written);
    }

    private static List<MirroredVersion> LastCopies(List<MirroredVersion> versions)
    {
        var last = new Dictionary<(string, string), int>();
        for (var i = 0; i < versions.Count; i++)
        {
            last[(versions[i].Name, versions[i].Version)] = i;
        }

        return versions.Where((v, i) => last[(v.Name, v.Version)] == i).ToList();
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

    private static (string, (string, object?)[]) Upsert(IReadOnlyList<MirroredVersion> rows) =>
        (UpsertSql,
        [
            ("names", rows.Select(v => v.Name).ToArray()),
            ("versions", rows.Select(v => v.Version).ToArray()),
            ("statuses", rows.Select(v => v.Status).ToArray()),
            ("status_messages", rows.Select(v => v.StatusMessage).ToArray()),
            ("status_changed_at", rows.Select(v => v.StatusChangedAt.UtcDateTime).ToArray()),
            ("published_at", rows.Select(v => v.PublishedAt.UtcDateTime).ToArray()),
            ("updated_at", rows.Select(v => v.UpdatedAt.UtcDateTime).ToArray()),
            ("is_latest", rows.Select(v => v.IsLatest).ToArray()),
            ("values", rows.Select(v => v.Document).ToArray()),
            ("wire_json", rows.Select(v => ServerWireJson.Render(v.Document)).ToArray()),
        ]);

    private static (string, (string, object?)[]) ClearLatest(IReadOnlyList<MirroredVersion> latest) =>
        (ClearLatestSql, [("names", latest.Select(v => v.Name).ToArray()), ("versions", latest.Select(v => v.Version).ToArray())]);

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
