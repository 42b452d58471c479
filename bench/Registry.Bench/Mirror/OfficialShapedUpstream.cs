using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Registry.Bench.Seed;
using Registry.Testing.Fakes;

namespace Registry.Bench.Mirror;

/// <summary>
/// The official-shaped catalog served on 127.0.0.1 as the official API pages it: <c>GET /v0.1/servers</c> ordered by
/// (name, version) byte by byte, <c>name:version</c> keyset cursors, <c>limit</c> 1..100 (default 30),
/// <c>updated_since</c> strict and implying deleted versions (deleted ones are hidden otherwise), and
/// <c>metadata.nextCursor</c> whenever a page is full. It runs on the tests' <see cref="FakeHttpServer"/>, which
/// records every request. <see cref="FakeUpstreamRegistry"/> has the same rules but scans every version per request
/// and per publish, which suits a test's dozens of versions, not 60,000: this one binary-searches the cursor and
/// writes entries serialised once, so the mirror is what is measured.
/// </summary>
public sealed class OfficialShapedUpstream : IAsyncDisposable
{
    private static readonly byte[] PageStart = "{\"servers\":["u8.ToArray();

    private readonly OfficialShapedCatalog catalog;
    private readonly List<long> requestTimestamps = [];
    private readonly Lock gate = new();

    private OfficialShapedUpstream(FakeHttpServer http, OfficialShapedCatalog catalog)
    {
        Http = http;
        this.catalog = catalog;
        http.Map(HttpMethods.Get, "/v0.1/servers", ListAsync);
    }

    public FakeHttpServer Http { get; }

    public string BaseUrl => Http.BaseUrl;

    /// <summary>Requests of any path received so far, as <see cref="FakeHttpServer"/> recorded them.</summary>
    public int RequestCount => Http.Requests.Count;

    /// <summary><see cref="Stopwatch"/> timestamps of the list requests, in arrival order.</summary>
    public IReadOnlyList<long> ListRequestTimestamps
    {
        get
        {
            lock (gate)
            {
                return [.. requestTimestamps];
            }
        }
    }

    public static async Task<OfficialShapedUpstream> StartAsync(OfficialShapedCatalog catalog, CancellationToken cancellationToken) =>
        new(await FakeHttpServer.StartAsync(cancellationToken), catalog);

    public ValueTask DisposeAsync() => Http.DisposeAsync();

    private async Task ListAsync(HttpContext context)
    {
        lock (gate)
        {
            requestTimestamps.Add(Stopwatch.GetTimestamp());
        }

        var query = context.Request.Query;
        var limit = 30;
        if (query.TryGetValue("limit", out var limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 100))
        {
            await ProblemAsync(context, 422, "limit must be between 1 and 100");
            return;
        }

        DateTimeOffset? since = null;
        if (query.TryGetValue("updated_since", out var sinceText))
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                await ProblemAsync(context, 400, "Invalid updated_since format: expected RFC3339 timestamp");
                return;
            }

            since = parsed;
        }

        var includeDeleted = since is not null || query["include_deleted"] == "true";
        var entries = catalog.Entries;
        var page = new List<OfficialShapedEntry>(limit);
        for (var i = FirstAfter(query["cursor"].ToString()); i < entries.Count && page.Count < limit; i++)
        {
            var entry = entries[i];
            if ((since is null || entry.UpdatedAt > since) && (includeDeleted || entry.Status != "deleted"))
            {
                page.Add(entry);
            }
        }

        context.Response.ContentType = "application/json";
        var body = context.Response.BodyWriter;
        body.Write(PageStart);
        for (var i = 0; i < page.Count; i++)
        {
            if (i > 0)
            {
                body.Write(","u8);
            }

            body.Write(page[i].Json);
        }

        var next = page.Count >= limit ? $",\"nextCursor\":\"{page[^1].Name}:{page[^1].Version}\"" : "";
        body.Write(Encoding.UTF8.GetBytes($"],\"metadata\":{{\"count\":{page.Count}{next}}}}}"));
        await body.FlushAsync(context.RequestAborted);
    }

    /// <summary>The index of the first entry after <c>name:version</c> (or after every version of a bare name).</summary>
    private int FirstAfter(string cursor)
    {
        if (cursor.Length == 0)
        {
            return 0;
        }

        var colon = cursor.IndexOf(':');
        var (name, version) = colon < 0 ? (cursor, null) : (cursor[..colon], cursor[(colon + 1)..]);
        var entries = catalog.Entries;
        int low = 0, high = entries.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            var byName = string.CompareOrdinal(entries[middle].Name, name);
            var after = byName > 0 || (byName == 0 && version is not null && string.CompareOrdinal(entries[middle].Version, version) > 0);
            (low, high) = after ? (low, middle) : (middle + 1, high);
        }

        return low;
    }

    private static Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync($"{{\"status\":{status},\"detail\":\"{detail}\"}}", context.RequestAborted);
    }
}
