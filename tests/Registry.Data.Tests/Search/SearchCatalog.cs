using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;
using Registry.Data.Search;
using Registry.Domain.Search;

namespace Registry.Data.Tests.Search;

/// <summary>The bench's search catalog and judged queries (bench/search), loaded into a database.</summary>
internal static class SearchCatalog
{
    public sealed record JudgedQuery(string Q, IReadOnlyList<string> Expected);

    public static IReadOnlyList<JudgedQuery> JudgedQueries()
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "judged-queries.json")))!;
        return root["queries"]!.AsArray()
            .Select(q => new JudgedQuery(q!["q"]!.GetValue<string>(), q["expected"]!.AsArray().Select(e => e!.GetValue<string>()).ToList()))
            .ToList();
    }

    /// <summary>Inserts every entry as the latest version 1.0.0; <c>_status</c> sets the row's status.</summary>
    public static async Task LoadAsync(NpgsqlDataSource dataSource)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "catalog.json")))!;
        foreach (var node in root["servers"]!.AsArray())
        {
            var server = node!.AsObject();
            var status = server["_status"]?.GetValue<string>() ?? "active";
            server.Remove("_status");
            await InsertAsync(dataSource, server["name"]!.GetValue<string>(), "1.0.0", status, server.ToJsonString());
        }
    }

    public static async Task InsertAsync(NpgsqlDataSource dataSource, string name, string version, string status, string document, bool isLatest = true)
    {
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value)
            VALUES (@name, @version, @status, now(), now(), now(), @latest, @value)
            """);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("version", version);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("latest", isLatest);
        command.Parameters.AddWithValue("value", NpgsqlDbType.Jsonb, document);
        await command.ExecuteNonQueryAsync();
    }

    public static Task<SearchPage> SearchAsync(
        this ServerSearchStore store, string q, string? registryType = null, string? transport = null, bool? hasRemote = null,
        string? status = null, string? nameSpace = null, int? limit = null, string? cursor = null) =>
        store.SearchAsync(SearchQueryRules.Build(q, registryType, transport, hasRemote, status, nameSpace, limit, cursor), CancellationToken.None);

    public static string Document(string name, string description, string? npm = null, string? remoteUrl = null)
    {
        var server = new JsonObject { ["name"] = name, ["version"] = "1.0.0", ["description"] = description };
        if (npm is not null)
        {
            server["packages"] = new JsonArray(new JsonObject
            {
                ["registryType"] = "npm", ["identifier"] = npm, ["version"] = "1.0.0", ["transport"] = new JsonObject { ["type"] = "stdio" },
            });
        }

        if (remoteUrl is not null)
        {
            server["remotes"] = new JsonArray(new JsonObject { ["type"] = "streamable-http", ["url"] = remoteUrl });
        }

        return server.ToJsonString(new JsonSerializerOptions());
    }
}
