using System.Text.Json.Nodes;

namespace Registry.Bench.Seed;

/// <summary>
/// bench/search/catalog.json as a seed file of the shape <see cref="SeedFileWriter"/> writes: each server.json the
/// latest version of its name, its status taken from <c>_status</c> (not part of server.json, so removed; active
/// when absent).
/// </summary>
public static class JudgedCatalogSeedWriter
{
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <returns>The number of entries written.</returns>
    public static async Task<int> WriteAsync(string catalogFile, string seedFile, CancellationToken cancellationToken)
    {
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(catalogFile, cancellationToken));
        var servers = catalog?["servers"] as JsonArray ?? throw new FormatException($"{catalogFile} holds no \"servers\" array.");
        var entries = new JsonArray();
        foreach (var node in servers)
        {
            var server = (JsonObject)(node as JsonObject ?? throw new FormatException($"{catalogFile} holds a server that is not an object.")).DeepClone();
            var status = server["_status"]?.GetValue<string>() ?? "active";
            server.Remove("_status");
            var publishedAt = Epoch.AddMinutes(entries.Count);
            entries.Add(new JsonObject
            {
                ["server"] = server,
                ["_meta"] = new JsonObject
                {
                    [SeedFileWriter.OfficialKey] = new JsonObject
                    {
                        ["status"] = status,
                        ["publishedAt"] = publishedAt,
                        ["updatedAt"] = publishedAt,
                        ["statusChangedAt"] = publishedAt,
                        ["isLatest"] = true,
                    },
                },
            });
        }

        var count = entries.Count;
        var seed = new JsonObject { ["servers"] = entries, ["metadata"] = new JsonObject { ["count"] = count } };
        await File.WriteAllTextAsync(seedFile, seed.ToJsonString(), cancellationToken);
        return count;
    }
}
