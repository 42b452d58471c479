using Npgsql;
using Registry.Bench.Report;
using Registry.Bench.Seed;

namespace Registry.Bench.Load;

/// <summary>
/// Paths of the web catalog's pages for wrk, each asked once through the gateway before it is written (a page that
/// does not answer 200 fails the bench instead of the measurement); the first of each kind gives the page size.
/// </summary>
public static class WebPagePaths
{
    private const int ServerSample = 2_000;

    /// <summary>Browsing the first page, filtered ones, and a word of the seeded catalog (its topics and "bench").</summary>
    private static readonly string[] CatalogFilters = ["?type=npm", "?remote=yes", "?transport=stdio", "?q=github&remote=no"];

    public sealed record Files(string CatalogPages, string ServerPages, IReadOnlyList<PageSize> Sizes);

    public static async Task<Files> WriteAsync(
        HttpClient http, Uri gateway, NpgsqlDataSource database, string directory, CancellationToken cancellationToken)
    {
        // Browsing without words weighs as much as all the filters together, as the front page is the most asked for.
        string[] catalogPages =
        [
            "/", "/", "/", "/",
            .. CatalogFilters.Select(f => "/" + f),
            .. BenchCatalog.Topics.Select(t => "/?q=" + Uri.EscapeDataString(t.Topic)),
            "/?q=bench",
        ];
        var serverPages = (await LatestNamesAsync(database, cancellationToken)).Select(ServerPage).ToList();

        var sizes = new List<PageSize>
        {
            await AskEachAsync(http, gateway, Scenarios.CatalogPage, catalogPages.Distinct(), cancellationToken),
            // Every server page has the same shape; a few of them are enough to catch one that fails before the run.
            await AskEachAsync(http, gateway, Scenarios.ServerPage, serverPages.Take(20), cancellationToken),
        };

        var files = new Files(Path.Combine(directory, "catalog-pages.txt"), Path.Combine(directory, "server-pages.txt"), sizes);
        await File.WriteAllLinesAsync(files.CatalogPages, catalogPages, cancellationToken);
        await File.WriteAllLinesAsync(files.ServerPages, serverPages, cancellationToken);
        return files;
    }

    /// <summary>The page path keeps the name's slash as a separator, as the pages link to it.</summary>
    private static string ServerPage(string name) => "/servers/" + string.Join('/', name.Split('/').Select(Uri.EscapeDataString));

    private static async Task<PageSize> AskEachAsync(
        HttpClient http, Uri gateway, string page, IEnumerable<string> paths, CancellationToken cancellationToken)
    {
        PageSize? first = null;
        foreach (var path in paths)
        {
            var body = await OkResponses.GetBytesAsync(http, new Uri(gateway, path), cancellationToken);
            first ??= new PageSize(page, path, body.Length);
        }

        return first ?? throw new InvalidOperationException($"No paths for the {page}.");
    }

    private static async Task<List<string>> LatestNamesAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await using var command = database.CreateCommand(
            "SELECT server_name FROM servers WHERE is_latest AND status <> 'deleted' ORDER BY random() LIMIT @sample");
        command.Parameters.AddWithValue("sample", ServerSample);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
