using System.Globalization;
using Npgsql;

namespace Registry.Data.Changes;

/// <summary>
/// A connection that LISTENs on the change log's channel and reports the highest sequence announced. One per
/// process is enough. Notifications are a hint, not the record: a listener that was disconnected asks
/// <see cref="LatestSequenceAsync"/> after listening again, which covers whatever it missed.
/// </summary>
public sealed class ChangeLogListener : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private long? announced;

    private ChangeLogListener(NpgsqlConnection connection)
    {
        this.connection = connection;
        connection.Notification += OnNotification;
    }

    public static async Task<ChangeLogListener> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var listener = new ChangeLogListener(connection);
        try
        {
            await using var command = new NpgsqlCommand($"LISTEN {ChangeLog.Channel}", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return listener;
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The highest sequence announced since the last call, waiting up to <paramref name="timeout"/> for one;
    /// null when none was. Announcements that arrived during another command count too.
    /// </summary>
    public async Task<long?> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (announced is null)
        {
            await connection.WaitAsync(timeout, cancellationToken);
        }

        var result = announced;
        announced = null;
        return result;
    }

    /// <summary>Asked over the listening connection, so it also proves that connection still works.</summary>
    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ChangeLogReader.LatestSequenceSql, connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        connection.Notification -= OnNotification;
        await connection.DisposeAsync();
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (long.TryParse(e.Payload, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > (announced ?? 0))
        {
            announced = sequence;
        }
    }
}
