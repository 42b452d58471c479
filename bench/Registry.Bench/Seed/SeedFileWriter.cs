using System.Text.Json;

namespace Registry.Bench.Seed;

/// <summary>
/// Writes <c>versions</c> server versions in the official list-response shape
/// (<c>{"servers":[{"server":{...},"_meta":{...}}],"metadata":{...}}</c>), as a registry would export them.
/// </summary>
public static class SeedFileWriter
{
    public const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(string path, int versions, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteStartArray("servers");
        var written = 0;
        for (var index = 0; written < versions; index++)
        {
            for (var v = 0; v < BenchCatalog.VersionsPerName && written < versions; v++, written++)
            {
                var isLatest = v == BenchCatalog.VersionsPerName - 1 || written == versions - 1;
                WriteEntry(json, index, BenchCatalog.Versions[v], isLatest, Epoch.AddMinutes(written));
            }

            if (json.BytesPending > 1 << 20)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteStartObject("metadata");
        json.WriteNumber("count", versions);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, int index, string version, bool isLatest, DateTimeOffset publishedAt)
    {
        var (topic, title, does) = BenchCatalog.Topics[index % BenchCatalog.Topics.Length];
        var slug = $"{topic}-{index:D6}";
        json.WriteStartObject();
        json.WriteStartObject("server");
        json.WriteString("$schema", BenchCatalog.Schema);
        json.WriteString("name", BenchCatalog.Name(index));
        json.WriteString("description", $"{title} for AI assistants: {does}.");
        json.WriteString("title", $"{title} {index}");
        json.WriteString("version", version);
        json.WriteStartObject("repository");
        json.WriteString("url", $"https://git.example/bench/{slug}");
        json.WriteString("source", "github");
        json.WriteEndObject();
        json.WriteStartArray("packages");
        json.WriteStartObject();
        json.WriteString("registryType", "npm");
        json.WriteString("registryBaseUrl", "https://npm.registry.example");
        json.WriteString("identifier", $"@bench/{slug}");
        json.WriteString("version", version);
        json.WriteStartObject("transport");
        json.WriteString("type", "stdio");
        json.WriteEndObject();
        json.WriteStartArray("environmentVariables");
        json.WriteStartObject();
        json.WriteString("name", $"{topic.ToUpperInvariant()}_API_KEY");
        json.WriteString("description", $"API key for the {title} service");
        json.WriteBoolean("isRequired", true);
        json.WriteBoolean("isSecret", true);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (index % 3 == 0)
        {
            json.WriteStartArray("remotes");
            json.WriteStartObject();
            json.WriteString("type", "streamable-http");
            json.WriteString("url", $"https://mcp.example/{slug}/mcp");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteStartObject("_meta");
        json.WriteStartObject(OfficialKey);
        json.WriteString("status", "active");
        json.WriteString("publishedAt", publishedAt);
        json.WriteString("updatedAt", publishedAt);
        json.WriteString("statusChangedAt", publishedAt);
        json.WriteBoolean("isLatest", isLatest);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
