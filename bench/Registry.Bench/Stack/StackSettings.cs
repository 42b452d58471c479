using System.Globalization;
using Registry.Auth.Tokens;

namespace Registry.Bench.Stack;

/// <summary>
/// The configuration each process gets, as the AppHost would hand it over (see Registry.AppHost/Infrastructure),
/// with loopback addresses instead of service discovery names.
/// </summary>
public sealed class StackSettings(string databaseConnection, string cacheConnection)
{
    private readonly string signingSeed = Ed25519Keys.NewSeedHex();

    /// <summary>
    /// The gRPC ports of the three services, which the gateways and the publish service are pointed at, and the web
    /// catalog's HTTP/1.1 port, which the gateways forward the pages to.
    /// </summary>
    public sealed record ServicePorts(int Catalog, int Publish, int Verification, int Web);

    public Dictionary<string, string> Migrations(string seedFile) => new()
    {
        ["ConnectionStrings:registrydb"] = databaseConnection,
        ["Registry:SeedFrom"] = seedFile,
    };

    public Dictionary<string, string> Catalog(int[] ports) => Service(ports);

    public Dictionary<string, string> Verification(int[] ports) => new(Service(ports))
    {
        ["Registry:Auth:JwtPrivateKey"] = signingSeed,
        ["Registry:Auth:JwtPublicKey"] = Ed25519Keys.PublicKeyHexFromSeed(signingSeed),
        ["Registry:Auth:AnonymousEnabled"] = "true",
        ["Registry:Packages:Enabled"] = "false",
    };

    public Dictionary<string, string> Publish(int[] ports, int verificationGrpcPort) => new(Service(ports))
    {
        ["Registry:Auth:JwtPublicKey"] = Ed25519Keys.PublicKeyHexFromSeed(signingSeed),
        ["services:verification:http:0"] = LoopbackPorts.Address(verificationGrpcPort).ToString(),
        // Every publish replaces cache generations, as in a real deployment.
        ["ConnectionStrings:cache"] = cacheConnection,
    };

    public Dictionary<string, string> Gateway(int port, bool responseCache, ServicePorts services)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = LoopbackPorts.Address(port).ToString(),
            ["ConnectionStrings:cache"] = cacheConnection,
            ["Registry:RateLimit:Enabled"] = "false",
            ["Registry:ResponseCache:Enabled"] = responseCache ? "true" : "false",
        };
        foreach (var (cluster, upstreamPort) in new[]
                 { ("catalog", services.Catalog), ("publish", services.Publish), ("verification", services.Verification), ("web", services.Web) })
        {
            settings[$"services:{cluster}:http:0"] = LoopbackPorts.Address(upstreamPort).ToString();
        }

        return settings;
    }

    /// <summary>The web catalog: one HTTP/1.1 endpoint (pages and health), reading the catalog over gRPC.</summary>
    public static Dictionary<string, string> Web(int port, int catalogGrpcPort) => new()
    {
        ["urls"] = LoopbackPorts.Address(port).ToString(),
        ["services:catalog:http:0"] = LoopbackPorts.Address(catalogGrpcPort).ToString(),
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    /// <summary>Ports: gRPC first, then health.</summary>
    // Request logging at Information is off in every ASP.NET Core template; the services have no appsettings of
    // their own, so it is set here rather than measuring console writes.
    private Dictionary<string, string> Service(int[] ports) => new()
    {
        ["ConnectionStrings:registrydb"] = databaseConnection,
        ["GRPC_PORT"] = ports[0].ToString(CultureInfo.InvariantCulture),
        ["HEALTH_PORT"] = ports[1].ToString(CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };
}
