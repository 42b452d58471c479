using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Servers;

namespace Registry.Data.Writes;

/// <summary>
/// The one way to write the catalog. It holds the advisory locks of the server names it writes, taken in sorted
/// order and before any remote URL lock (URLs in sorted order too), so two writers can never wait on each other in
/// a cycle. It ends with <see cref="CommitAsync"/>, which appends the write's changes to the change log and commits
/// in one round trip. <see cref="Now"/> is the write's one timestamp.
/// </summary>
internal sealed class WriteTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private WriteTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    /// <summary>
    /// Read from the injected clock once the name locks are granted, so that a writer that queued behind another
    /// writer of the same name stamps a later time. Truncated to PostgreSQL's microseconds, so that returned and
    /// re-read timestamps are identical.
    /// </summary>
    public DateTimeOffset Now { get; private set; }

    public static async Task<WriteTransaction> BeginAsync(
        NpgsqlDataSource dataSource, TimeProvider clock, IEnumerable<string> names, IEnumerable<string> remoteUrls, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var locked = new WriteTransaction(connection, transaction);
            await locked.LockAsync(Sorted(names).Concat(Sorted(remoteUrls).Select(NameLock.OfRemoteUrl)), cancellationToken);
            var now = clock.GetUtcNow();
            locked.Now = now.AddTicks(-(now.Ticks % 10));
            return locked;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>For URLs a write learns it claims only after reading; the name locks are held by then, which keeps the order.</summary>
    public Task LockRemoteUrlsAsync(IEnumerable<string> remoteUrls, CancellationToken cancellationToken) =>
        LockAsync(Sorted(remoteUrls).Select(NameLock.OfRemoteUrl), cancellationToken);

    /// <summary>
    /// Appends the changes and commits in one round trip. The change log's lock is shared by every writer, so it is
    /// taken last and held only while the server appends and commits, never while a busy client gets around to
    /// sending <c>COMMIT</c>.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<NewServerChange> changes, CancellationToken cancellationToken) =>
        ChangeLog.AppendAndCommitAsync(connection, transaction, changes, cancellationToken);

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>For parameters whose type a null value cannot carry (a timestamp that may be absent).</summary>
    public async Task<int> ExecuteAsync(string sql, IReadOnlyList<NpgsqlParameter> parameters, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters.ToArray());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<List<ServerVersionRecord>> RecordsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await ServerRecordReader.ReadAllAsync(command, cancellationToken);
    }

    public async Task<List<T>> RowsAsync<T>(
        string sql, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>
    /// Statements sent together in one round trip and run in order: the rows of each statement that returns rows
    /// (a <c>RETURNING</c>), statement after statement; statements without rows (an <c>UPDATE</c>) add nothing.
    /// </summary>
    public async Task<List<List<ServerVersionRecord>>> BatchRecordsAsync(
        IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements, CancellationToken cancellationToken)
    {
        var results = new List<List<ServerVersionRecord>>();
        if (statements.Count == 0)
        {
            return results;
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, parameters) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters.Select(p => Parameter(p.Name, p.Value)).ToArray());
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            var rows = new List<ServerVersionRecord>();
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(ServerRecordReader.Read(reader));
            }

            if (reader.FieldCount > 0)
            {
                results.Add(rows);
            }
        }
        while (await reader.NextResultAsync(cancellationToken));

        return results;
    }

    /// <summary>A binary <c>COPY ... FROM STDIN</c> inside this transaction.</summary>
    public Task<NpgsqlBinaryImporter> BeginBinaryImportAsync(string copySql, CancellationToken cancellationToken) =>
        connection.BeginBinaryImportAsync(copySql, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static IEnumerable<string> Sorted(IEnumerable<string> keys) => keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>One round trip however many locks; the statements run, and so lock, in the order given.</summary>
    private async Task LockAsync(IEnumerable<string> lockNames, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var lockName in lockNames)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(NameLock.Sql) { Parameters = { new NpgsqlParameter("lock_name", lockName) } });
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(Parameter(name, value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(string name, object? value) => value switch
    {
        JsonText json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
        DateTimeOffset time => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = time.UtcDateTime },
        null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
        _ => new NpgsqlParameter(name, value),
    };
}
