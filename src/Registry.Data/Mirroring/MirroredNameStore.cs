using Npgsql;

namespace Registry.Data.Mirroring;

/// <summary>Which names come from an upstream registry: a name is mirrored once the mirror has written a version of it.</summary>
public sealed class MirroredNameStore(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsMirroredAsync(string name, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT 1 FROM mirrored_names WHERE server_name = @name");
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>How many versions are stored under mirrored names, deleted ones included.</summary>
    public async Task<long> CountVersionsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*) FROM servers WHERE server_name IN (SELECT server_name FROM mirrored_names)");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
