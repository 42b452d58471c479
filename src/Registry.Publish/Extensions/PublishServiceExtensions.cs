using Microsoft.Extensions.Options;
using Registry.Auth.Tokens;
using Registry.Caching;
using Registry.Data.Annotations;
using Registry.Data.Audit;
using Registry.Data.Hosting;
using Registry.Data.Mirroring;
using Registry.Data.Servers;
using Registry.Data.Writes;
using Registry.Domain.Validation;
using Registry.Publish.Auth;
using Registry.Publish.Publishing;
using Registry.Publish.Telemetry;
using Registry.ServiceHosting;

namespace Registry.Publish.Extensions;

public static class PublishServiceExtensions
{
    /// <summary>A server.json with generous publisher metadata is a few tens of kilobytes; far larger is refused.</summary>
    private const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>Resolved by service discovery (<c>services:verification:http</c>); HTTP/2 without TLS.</summary>
    private const string VerificationAddress = "http://verification";

    public static WebApplicationBuilder AddPublishServices(this WebApplicationBuilder builder)
    {
        builder.AddRegistryGrpc();
        builder.AddRegistryDatabase();
        builder.AddRegistryCacheConnection();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddBoundOptions<TokenValidationOptions>()
            .Validate(o => o.HasValidKey, "Registry:Auth:JwtPublicKey must be the 64-hex-character Ed25519 public key of the token signer.");
        builder.Services.AddSingleton(sp => new RegistryTokenValidator(
            Ed25519Keys.PublicKeyFromHex(sp.GetRequiredService<IOptions<TokenValidationOptions>>().Value.JwtPublicKey),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<WriteAuthorization>();
        builder.Services.AddSingleton<ServerJsonValidator>();
        builder.Services.AddSingleton<DocumentChecks>();
        builder.Services.AddSingleton<ServerWriteStore>();
        builder.Services.AddSingleton<ServerReadStore>();
        // Annotations are listed to whoever may see the server (the catalog's rule).
        CallerViews.AddTo(builder);
        builder.Services.AddSingleton<PackageOwnership>();
        builder.Services.AddSingleton<MirroredNameStore>();
        builder.AddBoundOptions<MirroredNameOptions>();
        builder.Services.AddSingleton<MirroredNamePolicy>();
        // Checks have their own timeouts; retries and the default attempt timeout would only cut them short.
        // RemoveAllResilienceHandlers is marked experimental (EXTEXP0001) but is the documented way to opt out.
#pragma warning disable EXTEXP0001
        builder.Services.AddGrpcClient<Contracts.V0.Verification.VerificationClient>(o => o.Address = new Uri(VerificationAddress))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<AuditTrailWriter>();
        builder.Services.AddSingleton<AuditTrailReader>();
        builder.Services.AddSingleton<WriteAudit>();
        builder.Services.AddSingleton<WriteTelemetry>();
        builder.Services.AddSingleton<ServerPublisher>();
        builder.Services.AddSingleton<StatusChanger>();
        builder.Services.AddSingleton<AnnotationStore>();
        builder.Services.AddSingleton<Annotator>();
        return builder;
    }
}
