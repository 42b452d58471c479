using Npgsql;
using NpgsqlTypes;
using Registry.Data.Changes;
using Registry.Data.Servers;

namespace Registry.Data.Publishing;

/// <summary>
/// A transaction that holds the advisory lock of one server name, so writes to that name are serialised in the
/// database. Remote URLs a write claims are locked too, in sorted order, so two names cannot claim one URL at once.
/// </summary>
internal sealed class NameLockedTransaction : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private NameLockedTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public static async Task<NameLockedTransaction> BeginAsync(
        NpgsqlDataSource dataSource, string name, IEnumerable<string> remoteUrls, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var locked = new NameLockedTransaction(connection, transaction);
            await locked.ExecuteAsync(NameLock.Sql, cancellationToken, ("lock_name", name));
            await locked.LockRemoteUrlsAsync(remoteUrls, cancellationToken);
            return locked;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Call after the name lock only, always in sorted order, so that lock order never forms a cycle.</summary>
    public async Task LockRemoteUrlsAsync(IEnumerable<string> remoteUrls, CancellationToken cancellationToken)
    {
        foreach (var url in remoteUrls.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await ExecuteAsync(NameLock.Sql, cancellationToken, ("lock_name", "remote-url:" + url));
        }
    }

    /// <summary>Appends the write's changes to the change log last, so its shared lock is held only until this commit.</summary>
    public async Task CommitAsync(IReadOnlyList<NewServerChange> changes, CancellationToken cancellationToken)
    {
        await ChangeLog.AppendAndCommitAsync(connection, transaction, changes, cancellationToken);
    }

    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
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

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value switch
            {
                JsonText json => new NpgsqlParameter(name, NpgsqlDbType.Jsonb) { Value = json.Text },
                DateTimeOffset time => new NpgsqlParameter(name, NpgsqlDbType.TimestampTz) { Value = time.UtcDateTime },
                null => new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value },
                _ => new NpgsqlParameter(name, value),
            });
        }

        return command;
    }
}

/// <summary>Marks a parameter as JSONB.</summary>
internal sealed record JsonText(string Text);
