using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Registry.Data.Search;
using Registry.Data.Writes;
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

    /// <summary>
    /// Publishes every entry as version 1.0.0 through the real write path (so the change log names it, as the search
    /// index needs); <c>_status</c> then sets the version's status.
    /// </summary>
    public static async Task LoadAsync(NpgsqlDataSource dataSource)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Search", "catalog.json")))!;
        foreach (var node in root["servers"]!.AsArray())
        {
            var server = node!.AsObject();
            var status = server["_status"]?.GetValue<string>() ?? "active";
            server.Remove("_status");
            await PublishAsync(dataSource, server["name"]!.GetValue<string>(), "1.0.0", server.ToJsonString(), status);
        }
    }

    public static async Task PublishAsync(NpgsqlDataSource dataSource, string name, string version, string document, string status = "active")
    {
        var writes = new ServerWriteStore(dataSource, TimeProvider.System);
        await writes.PublishAsync(new NewServerVersion(name, version, document, []), CancellationToken.None);
        if (status != "active")
        {
            await SetStatusAsync(dataSource, name, version, status);
        }
    }

    public static async Task SetStatusAsync(NpgsqlDataSource dataSource, string name, string version, string status) =>
        await new ServerWriteStore(dataSource, TimeProvider.System).SetVersionStatusAsync(name, version, status, null, CancellationToken.None);

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
