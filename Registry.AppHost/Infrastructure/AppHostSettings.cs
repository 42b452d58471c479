using Microsoft.Extensions.Configuration;

namespace Registry.AppHost.Infrastructure;

/// <summary>The <c>Registry</c> section of the AppHost's configuration (appsettings, environment, command line).</summary>
public sealed record AppHostSettings(
    int? GatewayPort,
    bool UseContainers,
    string? DataDirectory,
    string? SeedFrom,
    string Version,
    string? GitHubClientId,
    CacheServerKind CacheServer,
    TimeSpan FirstRestartPause,
    ReplicaCounts Replicas)
{
    public static AppHostSettings Read(IDistributedApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Registry");
        var gatewayPort = section.GetValue<int?>("GatewayPort") ?? 8080;
        var dataDirectory = section["DataDirectory"];
        var seedFrom = section["SeedFrom"];
        return new AppHostSettings(
            // 0 picks a free port, which is what tests want.
            GatewayPort: gatewayPort == 0 ? null : gatewayPort,
            UseContainers: section.GetValue<bool>("UseContainers"),
            DataDirectory: dataDirectory,
            SeedFrom: string.IsNullOrWhiteSpace(seedFrom) ? null : ResolveSeed(seedFrom, builder.AppHostDirectory),
            Version: section["Version"] ?? "dev",
            GitHubClientId: section["GitHubClientId"],
            CacheServer: ReadCacheServer(section["CacheServer"]),
            // How long a local PostgreSQL or cache that exited waits before it is started again; doubles while it keeps failing.
            FirstRestartPause: section.GetValue<TimeSpan?>("FirstRestartPause") ?? TimeSpan.FromSeconds(1),
            Replicas: ReplicaCounts.Read(section));
    }

    private static CacheServerKind ReadCacheServer(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => CacheServerKind.Auto,
        "redis-server" or "redis" => CacheServerKind.RedisServer,
        "garnet" => CacheServerKind.Garnet,
        _ => throw new InvalidOperationException($"Registry:CacheServer is '{value}'; use auto, redis-server or garnet."),
    };

    private static string ResolveSeed(string seedFrom, string appHostDirectory) =>
        Uri.TryCreate(seedFrom, UriKind.Absolute, out var uri) && !uri.IsFile
            ? seedFrom
            : Path.GetFullPath(seedFrom, appHostDirectory);
}
