using Registry.ServiceHosting;

namespace Registry.Publish.Extensions;

public static class PublishServiceExtensions
{
    public static IHostApplicationBuilder AddPublishServices(this IHostApplicationBuilder builder)
    {
        builder.AddRegistryGrpc();
        builder.AddRegistryDatabase();
        return builder;
    }
}
