using Microsoft.Extensions.Options;
using Registry.Caching;
using Registry.Data.Audit;
using Registry.Data.Hosting;
using Registry.Data.Mirroring;
using Registry.Domain.Versions;
using Registry.Mirror.Sync;
using Registry.Mirror.Upstream;

namespace Registry.Mirror.Extensions;

public static class MirrorServiceExtensions
{
    private const string UserAgent = "Registry-Mirror/1.0";

    /// <summary>A full page of ordinary server.json documents is well under a megabyte; far larger is refused.</summary>
    private const long MaxPageBytes = 32 * 1024 * 1024;

    public static WebApplicationBuilder AddMirror(this WebApplicationBuilder builder)
    {
        builder.AddRegistryDatabase();
        builder.AddRegistryCacheConnection();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddBoundOptions<MirrorOptions>()
            .Validate(o => !o.Enabled || o.HasHttpUpstream, "Registry:Mirror:Upstream must be an absolute http(s) URL.")
            .Validate(o => o.Statuses.All(ServerStatus.IsKnown), "Registry:Mirror:Statuses may only name active, deprecated and deleted.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.InitialBackoff > TimeSpan.Zero && o.MaxBackoff >= o.InitialBackoff,
                "Registry:Mirror:PollInterval and InitialBackoff must be positive, and MaxBackoff at least InitialBackoff.")
            .Validate(o => o.Overlap >= TimeSpan.Zero && o.RequestTimeout > TimeSpan.Zero,
                "Registry:Mirror:Overlap and RequestTimeout must not be negative or zero.");
        // The worker retries and backs off itself, and honours Retry-After; the default resilience pipeline would
        // retry underneath it. RemoveAllResilienceHandlers is marked experimental but is the documented opt-out.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(UpstreamRegistryClient.HttpClientName, (sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<MirrorOptions>>().Value.RequestTimeout;
                client.MaxResponseContentBufferSize = MaxPageBytes;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("application/json");
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<UpstreamRegistryClient>();
        builder.Services.AddSingleton<MirrorImporter>();
        builder.Services.AddSingleton<MirrorStateStore>();
        builder.Services.AddSingleton<MirroredNameStore>();
        builder.Services.AddSingleton<MirrorFilter>();
        builder.Services.AddSingleton<RetryDelay>();
        builder.Services.AddSingleton<AuditTrailWriter>();
        builder.Services.AddSingleton<MirrorAudit>();
        builder.Services.AddSingleton<MirrorSynchronizer>();
        builder.Services.AddHostedService<MirrorWorker>();
        return builder;
    }
}
