using Microsoft.Extensions.Options;
using Registry.Caching;
using Registry.Data.Hosting;
using Registry.Data.Mirroring;
using Registry.Mirror.Options;
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
        builder.Services.AddOptions<MirrorOptions>()
            .BindConfiguration(MirrorOptions.Section)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MirrorOptions>, MirrorOptionsValidation>();
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
        builder.Services.AddSingleton<MirrorSynchronizer>();
        builder.Services.AddHostedService<MirrorWorker>();
        return builder;
    }

    /// <summary>Reports which setting is wrong, rather than a generic failure.</summary>
    private sealed class MirrorOptionsValidation : IValidateOptions<MirrorOptions>
    {
        public ValidateOptionsResult Validate(string? name, MirrorOptions options) =>
            options.IsValid(out var problem) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
