using Microsoft.Extensions.Configuration;

namespace Registry.AppHost.Infrastructure;

/// <summary>The <c>Registry</c> section of the AppHost's configuration (appsettings, environment, command line).</summary>
public sealed record AppHostSettings(
    int? GatewayPort,
    bool UseContainers,
    string DataDirectory,
    string? SeedFrom,
    string Version,
    string? GitHubClientId)
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
            DataDirectory: string.IsNullOrWhiteSpace(dataDirectory)
                ? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".data", "postgres"))
                : Path.GetFullPath(dataDirectory, builder.AppHostDirectory),
            SeedFrom: string.IsNullOrWhiteSpace(seedFrom) ? null : ResolveSeed(seedFrom, builder.AppHostDirectory),
            Version: section["Version"] ?? "dev",
            GitHubClientId: section["GitHubClientId"]);
    }

    private static string ResolveSeed(string seedFrom, string appHostDirectory) =>
        Uri.TryCreate(seedFrom, UriKind.Absolute, out var uri) && !uri.IsFile
            ? seedFrom
            : Path.GetFullPath(seedFrom, appHostDirectory);
}
