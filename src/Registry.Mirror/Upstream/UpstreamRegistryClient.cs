using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Registry.Data.Mirroring;
using Registry.Data.ServerLists;

namespace Registry.Mirror.Upstream;

/// <summary>
/// Reads the upstream's <c>GET /v0.1/servers</c>. It always sends <c>updated_since</c>, which makes the official
/// API include deleted versions, so no <c>include_deleted</c> is needed. Every failure becomes an
/// <see cref="UpstreamException"/>; retrying is the caller's business.
/// </summary>
public sealed class UpstreamRegistryClient(IHttpClientFactory httpClientFactory, IOptions<MirrorOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "upstream";

    public async Task<UpstreamPage> GetPageAsync(DateTimeOffset updatedSince, string? cursor, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var uri = ListUri(settings, updatedSince, cursor);
        var askedAt = clock.GetUtcNow();
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new UpstreamException(
                    $"upstream answered {(int)response.StatusCode} {response.ReasonPhrase} for {uri.PathAndQuery}", RetryAfter(response));
            }

            var json = await response.Content.ReadAsStringAsync(cancellationToken);
            var page = ServerListResponseReader.Read(json);
            var rejected = page.Rejected.ToList();
            var versions = new List<MirroredVersion>();
            foreach (var entry in page.Entries)
            {
                if (MirroredVersion.FromUpstream(entry) is { } version)
                {
                    versions.Add(version);
                }
                else
                {
                    rejected.Add($"{entry.Name}@{entry.Version}: no official metadata with a publication time");
                }
            }

            return new UpstreamPage(versions, rejected, page.NextCursor, response.Headers.Date ?? askedAt);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or FormatException or JsonException or InvalidOperationException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var reason = ex is OperationCanceledException ? $"no answer within {settings.RequestTimeout}" : ex.Message;
            throw new UpstreamException($"upstream could not be read ({uri.PathAndQuery}): {reason}", inner: ex);
        }
    }

    private static Uri ListUri(MirrorOptions settings, DateTimeOffset updatedSince, string? cursor)
    {
        var query = $"updated_since={Uri.EscapeDataString(Rfc3339Text(updatedSince))}&limit={settings.PageSize.ToString(CultureInfo.InvariantCulture)}";
        if (cursor is not null)
        {
            query += "&cursor=" + Uri.EscapeDataString(cursor);
        }

        return new Uri($"{settings.UpstreamBase}/v0.1/servers?{query}");
    }

    /// <summary>Microseconds are what registries store; fewer digits could round a boundary the wrong way.</summary>
    private static string Rfc3339Text(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - clock.GetUtcNow(),
            _ => null,
        };
}
