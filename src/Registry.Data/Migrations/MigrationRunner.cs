using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Registry.Data.Migrations;

/// <summary>
/// Applies the embedded SQL migrations in name order, each in its own transaction, recording what ran in
/// <c>schema_migrations</c>. An advisory lock lets several starters race safely: one applies, the others wait.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    private const long MigrationLockKey = 0x5265_6769_7374_7279; // "Registry"
    private const string ResourcePrefix = "Registry.Data.Migrations.";

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, MigrationLockKey);
        try
        {
            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
                cancellationToken);
            var applied = await ReadAppliedAsync(connection, cancellationToken);
            foreach (var (id, sql) in LoadMigrations().Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction, "INSERT INTO schema_migrations (id) VALUES (@key)", cancellationToken, id);
                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {MigrationId}", id);
            }
        }
        finally
        {
            await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, MigrationLockKey);
        }
    }

    private static async Task<HashSet<string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT id FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken, object? key = null)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is not null)
        {
            command.Parameters.AddWithValue("key", key);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static IReadOnlyList<string> KnownMigrationIds => LoadMigrations().Select(m => m.Id).ToList();

    private static IEnumerable<(string Id, string Sql)> LoadMigrations()
    {
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (Path.GetFileNameWithoutExtension(name[ResourcePrefix.Length..]), reader.ReadToEnd());
        }
    }
}
