using Registry.Data.Seeding;
using Registry.Data.ServerLists;

namespace Registry.MigrationService;

/// <summary>
/// Loads seed pages from a file (read in pages, see <see cref="SeedFileReader"/>), or from a URL. A URL that answers with a paged list response (such as another
/// registry's <c>/v0/servers</c>) is followed through <c>nextCursor</c> to the end.
/// </summary>
public sealed class SeedSource(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "seed";
    private const int MaxPages = 10_000;

    public async IAsyncEnumerable<ServerListResponseReader.Page> ReadAsync(
        string from, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(from, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            await foreach (var filePage in SeedFileReader.ReadAsync(from, SeedFileReader.EntriesPerPage, cancellationToken))
            {
                yield return filePage;
            }

            yield break;
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        string? cursor = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var json = await client.GetStringAsync(WithCursor(uri, cursor), cancellationToken);
            var read = ServerListResponseReader.Read(json);
            yield return read;
            if (read.NextCursor is null || read.NextCursor == cursor)
            {
                yield break;
            }

            cursor = read.NextCursor;
        }
    }

    private static Uri WithCursor(Uri uri, string? cursor)
    {
        if (cursor is null)
        {
            return uri;
        }

        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        return new Uri(uri + separator + "cursor=" + Uri.EscapeDataString(cursor));
    }
}
