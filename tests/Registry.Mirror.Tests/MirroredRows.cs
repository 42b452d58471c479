using Npgsql;
using Registry.Data.Servers;
using Registry.Testing.Fakes;

namespace Registry.Mirror.Tests;

/// <summary>What the mirror's database holds, compared with what the fake upstream holds.</summary>
internal sealed class MirroredRows(NpgsqlDataSource dataSource)
{
    private readonly ServerReadStore reads = new(dataSource);

    public async Task<IReadOnlyList<ServerVersionRecord>> AllAsync()
    {
        var rows = new List<ServerVersionRecord>();
        await using var command = dataSource.CreateCommand("SELECT DISTINCT server_name FROM servers ORDER BY server_name");
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        foreach (var name in names)
        {
            rows.AddRange(await reads.ListVersionsAsync(name, includeDeleted: true, CancellationToken.None));
        }

        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Version, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when exactly these upstream versions are stored, each with the upstream's metadata and document.</summary>
    public async Task<bool> MatchAsync(IEnumerable<UpstreamVersion> expected)
    {
        var rows = await AllAsync();
        var wanted = expected.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal).ToList();
        return rows.Count == wanted.Count && rows.Zip(wanted).All(pair => Same(pair.First, pair.Second));
    }

    private static bool Same(ServerVersionRecord row, UpstreamVersion upstream) =>
        row.Name == upstream.Name
        && row.Version == upstream.Version
        && row.Status == upstream.Status
        && row.StatusMessage == upstream.StatusMessage
        && row.PublishedAt == upstream.PublishedAt
        && row.UpdatedAt == upstream.UpdatedAt
        && row.StatusChangedAt == upstream.StatusChangedAt
        && row.IsLatest == upstream.IsLatest
        && System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(row.Document), System.Text.Json.Nodes.JsonNode.Parse(upstream.Document));
}
