using Npgsql;
using NpgsqlTypes;
using Registry.Data.Writes;

namespace Registry.Data.Mirroring;

/// <summary>Reads and records the mirror's persisted state. Positions are saved by <see cref="MirrorImporter"/> only, with the page they follow.</summary>
public sealed class MirrorStateStore(NpgsqlDataSource dataSource)
{
    private const string SaveSql =
        """
        INSERT INTO mirror_state AS m (upstream, high_water_mark, pass_since, pass_cursor, pass_started_at, pass_max_updated_at, last_success_at)
        VALUES (@upstream, @mark, @since, @cursor, @started, @max_updated, @completed)
        ON CONFLICT (upstream) DO UPDATE
        SET high_water_mark = EXCLUDED.high_water_mark,
            pass_since = EXCLUDED.pass_since,
            pass_cursor = EXCLUDED.pass_cursor,
            pass_started_at = EXCLUDED.pass_started_at,
            pass_max_updated_at = EXCLUDED.pass_max_updated_at,
            last_success_at = coalesce(EXCLUDED.last_success_at, m.last_success_at),
            last_error = CASE WHEN EXCLUDED.last_success_at IS NULL THEN m.last_error END,
            last_error_at = CASE WHEN EXCLUDED.last_success_at IS NULL THEN m.last_error_at END
        """;

    public async Task<MirrorState> ReadAsync(string upstream, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT high_water_mark, pass_since, pass_cursor, pass_started_at, pass_max_updated_at, last_success_at, last_error, last_error_at
            FROM mirror_state WHERE upstream = @upstream
            """);
        command.Parameters.Add(Text("upstream", upstream));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return MirrorState.New(upstream);
        }

        var pass = reader.IsDBNull(2)
            ? null
            : new MirrorPass(Time(reader, 1)!.Value, reader.GetString(2), Time(reader, 3)!.Value, Time(reader, 4));
        return new MirrorState(
            upstream,
            new MirrorPosition(Time(reader, 0), pass),
            Time(reader, 5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            Time(reader, 7));
    }

    /// <summary>Remembers why the last attempt failed; the position stays where the last imported page left it.</summary>
    public async Task RecordErrorAsync(string upstream, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO mirror_state (upstream, last_error, last_error_at) VALUES (@upstream, @error, @at)
            ON CONFLICT (upstream) DO UPDATE SET last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at
            """);
        command.Parameters.Add(Text("upstream", upstream));
        command.Parameters.Add(Text("error", error));
        command.Parameters.Add(Timestamp("at", at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Saves the position inside an import's transaction; a non-null <paramref name="completedAt"/> ends a pass successfully.</summary>
    internal static Task<int> SaveAsync(
        WriteTransaction transaction, string upstream, MirrorPosition position, DateTimeOffset? completedAt, CancellationToken cancellationToken)
    {
        var pass = position.Pass;
        return transaction.ExecuteAsync(
            SaveSql,
            [
                Text("upstream", upstream),
                Timestamp("mark", position.HighWaterMark),
                Timestamp("since", pass?.Since),
                Text("cursor", pass?.Cursor),
                Timestamp("started", pass?.StartedAt),
                Timestamp("max_updated", pass?.MaxUpdatedAt),
                Timestamp("completed", completedAt),
            ],
            cancellationToken);
    }

    private static DateTimeOffset? Time(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Timestamp(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = (object?)value?.UtcDateTime ?? DBNull.Value };
}
