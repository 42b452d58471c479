using System.Text.Json;

namespace Registry.Bench.Load;

/// <summary>
/// The ranked searches a person would type against the generated catalog: topic words, several words, typos,
/// prefixes, words every entry holds, filters, and the second page of a broad query. Each is asked once before
/// the file is written, so that a query the gateway refuses fails the bench instead of the measurement.
/// </summary>
public static class RankedSearchPaths
{
    public const string Route = "/v0.1/x/dev.mcpregistry/search";

    private const string PagedQuery = "bench";

    private static readonly (string Q, string Filters)[] Queries =
    [
        ("weather", ""),
        ("github", ""),
        ("kubernetes", ""),
        ("docker", ""),
        ("postgres database", ""),
        ("slack messages", ""),
        ("payments refunds", ""),
        ("github pull requests", ""),
        ("wether", ""),
        ("kubernets", ""),
        ("postgress", ""),
        ("kube", ""),
        ("transl", ""),
        (PagedQuery, ""),
        ("assistants", ""),
        ("weather", "&registryType=npm&hasRemote=true"),
        ("docker containers", "&namespace=" + Uri.EscapeDataString(Seed.BenchCatalog.Namespace)),
    ];

    public static string PathFor(string q, string filters = "") => $"{Route}?q={Uri.EscapeDataString(q)}{filters}";

    public static async Task<string> WriteAsync(HttpClient http, Uri gateway, string directory, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (var (q, filters) in Queries)
        {
            var path = PathFor(q, filters);
            var body = await OkResponses.GetBytesAsync(http, new Uri(gateway, path), cancellationToken);
            paths.Add(path);
            if (q == PagedQuery && filters.Length == 0 && NextCursor(body) is { } cursor)
            {
                var secondPage = PathFor(q, "&cursor=" + Uri.EscapeDataString(cursor));
                await OkResponses.GetBytesAsync(http, new Uri(gateway, secondPage), cancellationToken);
                paths.Add(secondPage);
            }
        }

        var file = Path.Combine(directory, "ranked-searches.txt");
        await File.WriteAllLinesAsync(file, paths, cancellationToken);
        return file;
    }

    private static string? NextCursor(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("metadata", out var metadata)
            && metadata.TryGetProperty("nextCursor", out var cursor) ? cursor.GetString() : null;
    }
}
