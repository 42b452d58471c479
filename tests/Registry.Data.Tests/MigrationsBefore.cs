using Npgsql;
using Registry.Data.Migrations;

namespace Registry.Data.Tests;

/// <summary>
/// Brings a database to the schema as it stood before one migration, recorded as applied the way
/// <see cref="MigrationRunner"/> records them, so that a later run applies only that migration and those after it.
/// </summary>
internal static class MigrationsBefore
{
    private const string ResourcePrefix = "Registry.Data.Migrations.";

    public static async Task ApplyAsync(NpgsqlDataSource dataSource, string firstSkippedId)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        foreach (var id in MigrationRunner.KnownMigrationIds.Where(id => string.CompareOrdinal(id, firstSkippedId) < 0))
        {
            await using var stream = assembly.GetManifestResourceStream($"{ResourcePrefix}{id}.sql")!;
            using var reader = new StreamReader(stream);
            await ExecuteAsync(connection, await reader.ReadToEndAsync());
            await ExecuteAsync(connection, $"INSERT INTO schema_migrations (id) VALUES ('{id}')");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
