using Registry.ServiceHosting;

namespace Registry.Verification.Extensions;

public static class VerificationServiceExtensions
{
    public static IHostApplicationBuilder AddVerificationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRegistryGrpc();
        return builder;
    }
}
