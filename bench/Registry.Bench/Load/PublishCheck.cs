using Npgsql;

namespace Registry.Bench.Load;

/// <summary>After the publish run: every name must have exactly one latest version, whatever the interleaving was.</summary>
public static class PublishCheck
{
    public sealed record Outcome(long Names, long Versions, long Violations, IReadOnlyList<string> Examples);

    public static async Task<Outcome> RunAsync(NpgsqlDataSource database, string namePrefix, CancellationToken cancellationToken)
    {
        await using var totals = database.CreateCommand(
            "SELECT count(DISTINCT server_name), count(*) FROM servers WHERE starts_with(server_name, @prefix)");
        totals.Parameters.AddWithValue("prefix", namePrefix);
        long names, versions;
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (names, versions) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        await using var command = database.CreateCommand(
            """
            SELECT server_name, count(*) FILTER (WHERE is_latest)
            FROM servers GROUP BY server_name HAVING count(*) FILTER (WHERE is_latest) <> 1 ORDER BY server_name
            """);
        var violations = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                violations.Add($"{reader.GetString(0)} has {reader.GetInt64(1)} latest");
            }
        }

        return new Outcome(names, versions, violations.Count, violations.Take(5).ToList());
    }
}
