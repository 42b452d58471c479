using Npgsql;

namespace Registry.EndToEnd.Tests;

/// <summary>Counts what the registry has stored, straight from its database, to prove a refused request changed nothing.</summary>
internal sealed class StoredRows(RegistryAppFixture registry)
{
    public async Task<(long Versions, long Changes)> CountAsync()
    {
        await using var connection = new NpgsqlConnection(await registry.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM servers), (SELECT count(*) FROM server_changes)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
