using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Registry.Caching;

public static class CachingExtensions
{
    /// <summary>The name of the Redis connection string; without one, nothing is cached and nothing fails.</summary>
    public const string ConnectionName = "cache";

    public static IHostApplicationBuilder AddRegistryCacheConnection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new RegistryCacheConnection(
            builder.Configuration.GetConnectionString(ConnectionName), sp.GetRequiredService<ILogger<RegistryCacheConnection>>()));
        builder.Services.AddSingleton<CacheGenerations>();
        builder.Services.AddHostedService<CacheRepairService>();
        return builder;
    }
}
