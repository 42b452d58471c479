using System.Net.Http.Json;

namespace Registry.Web.Catalog;

/// <summary>The mirror's <c>GET /status</c>, registered only when the AppHost starts a mirror; null when it does not answer.</summary>
public sealed class MirrorStatusReader(HttpClient http, ILogger<MirrorStatusReader> logger)
{
    public async Task<MirrorStatusView?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await http.GetFromJsonAsync<MirrorStatusView>("/status", cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning("The mirror's status could not be read: {Reason}", e.Message);
            return null;
        }
    }
}

/// <summary>The fields of the mirror's status the changes page shows.</summary>
public sealed record MirrorStatusView(
    bool Enabled, string? Upstream, DateTimeOffset? LastSuccessfulSyncAt, string? LastError, DateTimeOffset? LastErrorAt, long MirroredVersions);
