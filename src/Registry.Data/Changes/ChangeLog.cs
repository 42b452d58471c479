using Npgsql;
using NpgsqlTypes;

namespace Registry.Data.Changes;

/// <summary>
/// Appends to the change log inside a writer's own transaction, together with its commit: it takes an advisory
/// lock every appender shares, which PostgreSQL releases only after the commit is visible. So appending
/// transactions commit one at a time in sequence order, and max(sequence) read after the lock sees every earlier
/// append: numbers have no gaps, and no reader can ever see n + 1 without n. The NOTIFY is delivered at commit.
/// </summary>
public static class ChangeLog
{
    public const string Channel = "server_changes";

    // The two-key form of advisory locks is a key space of its own, apart from the one-key name locks.
    private const int LockClass = 0x5267_4368; // "RgCh"
    private const int LockObject = 1;

    private const string LockSql = "SELECT pg_advisory_xact_lock($1, $2)";

    private const string AppendSql =
        $"""
        WITH appended AS (
            INSERT INTO server_changes (sequence, server_name, version, kind, status, occurred_at)
            SELECT last.sequence + c.position, c.server_name, c.version, c.kind, c.status, c.occurred_at
            FROM (SELECT coalesce(max(sequence), 0) AS sequence FROM server_changes) AS last,
                 unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY
                     AS c(server_name, version, kind, status, occurred_at, position)
            RETURNING sequence)
        SELECT max(sequence), pg_notify('{Channel}', max(sequence)::text) FROM appended
        """;

    // One round trip; the INSERT is its own statement so that its snapshot is taken after the lock is granted.
    private static NpgsqlBatch AppendBatch(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewServerChange> changes) =>
        new(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand(LockSql) { Parameters = { new() { Value = LockClass }, new() { Value = LockObject } } },
                new NpgsqlBatchCommand(AppendSql)
                {
                    Parameters =
                    {
                        Texts(changes.Select(c => c.Name)),
                        Texts(changes.Select(c => c.Version)),
                        Texts(changes.Select(c => c.Kind)),
                        Texts(changes.Select(c => c.Status)),
                        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, Value = changes.Select(c => c.OccurredAt.UtcDateTime).ToArray() },
                    },
                },
            },
        };

    /// <summary>Appends the changes in order and commits; only <see cref="Writes.WriteTransaction"/> calls it.</summary>
    internal static async Task AppendAndCommitAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<NewServerChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        // If the append fails, the server skips the COMMIT and disposing the transaction rolls back.
        await using var batch = AppendBatch(connection, transaction, changes);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Texts(IEnumerable<string> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };
}
