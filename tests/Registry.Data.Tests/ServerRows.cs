using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Registry.Data.Tests;

/// <summary>Writes rows straight into the table, so read tests can set up any state, including odd ones.</summary>
internal static class ServerRows
{
    public static async Task InsertAsync(
        NpgsqlDataSource dataSource,
        string name,
        string version,
        bool isLatest = false,
        string status = "active",
        DateTimeOffset? publishedAt = null,
        DateTimeOffset? updatedAt = null,
        string description = "test server")
    {
        var published = publishedAt ?? DateTimeOffset.UtcNow;
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value)
            VALUES (@name, @version, @status, @published, @published, @updated, @latest, @value)
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("published", published.UtcDateTime);
        command.Parameters.AddWithValue("updated", (updatedAt ?? published).UtcDateTime);
        command.Parameters.AddWithValue("latest", isLatest);
        command.Parameters.AddWithValue("value", NpgsqlDbType.Jsonb,
            JsonSerializer.Serialize(new { name, version, description }));
        await command.ExecuteNonQueryAsync();
    }
}
