using Npgsql;
using Registry.Bench.Seed;

namespace Registry.Bench.Load;

/// <summary>Files of request paths for wrk's paths.lua, drawn at random from what the database holds.</summary>
public static class RequestPaths
{
    private const int Sample = 2_000;

    public sealed record Files(string ListCursors, string Versions, string Searches);

    public static async Task<Files> WriteAsync(NpgsqlDataSource database, string directory, CancellationToken cancellationToken)
    {
        var rows = new List<(string Name, string Version)>();
        await using (var command = database.CreateCommand(
            "SELECT server_name, version FROM servers WHERE status <> 'deleted' ORDER BY random() LIMIT @sample"))
        {
            command.Parameters.AddWithValue("sample", Sample);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var files = new Files(
            Path.Combine(directory, "list-cursors.txt"),
            Path.Combine(directory, "versions.txt"),
            Path.Combine(directory, "searches.txt"));
        await File.WriteAllLinesAsync(files.ListCursors,
            rows.Select(r => "/v0.1/servers?cursor=" + Uri.EscapeDataString($"{r.Name}:{r.Version}")), cancellationToken);
        await File.WriteAllLinesAsync(files.Versions,
            rows.Select(r => $"/v0.1/servers/{Uri.EscapeDataString(r.Name)}/versions/{Uri.EscapeDataString(r.Version)}"), cancellationToken);
        await File.WriteAllLinesAsync(files.Searches,
            BenchCatalog.SearchTerms.Select(t => "/v0.1/servers?search=" + Uri.EscapeDataString(t)), cancellationToken);
        return files;
    }
}
