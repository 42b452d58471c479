using Registry.Auth.Tokens;

namespace Registry.Bench.Stack;

/// <summary>
/// The configuration each process gets, as the AppHost would hand it over (see Registry.AppHost/Infrastructure),
/// with loopback addresses instead of service discovery names.
/// </summary>
public sealed class StackSettings(StackPorts ports, string databaseConnection, string cacheConnection)
{
    private readonly string signingSeed = Ed25519Keys.NewSeedHex();

    public Dictionary<string, string> Migrations(string seedFile) => new()
    {
        ["ConnectionStrings:registrydb"] = databaseConnection,
        ["Registry:SeedFrom"] = seedFile,
    };

    public Dictionary<string, string> Catalog() => Service(ports.CatalogGrpc, ports.CatalogHealth);

    public Dictionary<string, string> Verification() => new(Service(ports.VerificationGrpc, ports.VerificationHealth))
    {
        ["Registry:Auth:JwtPrivateKey"] = signingSeed,
        ["Registry:Auth:JwtPublicKey"] = Ed25519Keys.PublicKeyHexFromSeed(signingSeed),
        ["Registry:Auth:AnonymousEnabled"] = "true",
        ["Registry:Packages:Enabled"] = "false",
    };

    public Dictionary<string, string> Publish() => new(Service(ports.PublishGrpc, ports.PublishHealth))
    {
        ["Registry:Auth:JwtPublicKey"] = Ed25519Keys.PublicKeyHexFromSeed(signingSeed),
        ["services:verification:http:0"] = StackPorts.Loopback(ports.VerificationGrpc).ToString(),
        // Every publish replaces cache generations, as in a real deployment.
        ["ConnectionStrings:cache"] = cacheConnection,
    };

    public Dictionary<string, string> Gateway(int port, bool responseCache)
    {
        var settings = new Dictionary<string, string>
        {
            ["urls"] = StackPorts.Loopback(port).ToString(),
            ["ConnectionStrings:cache"] = cacheConnection,
            ["Registry:RateLimit:Enabled"] = "false",
            ["Registry:ResponseCache:Enabled"] = responseCache ? "true" : "false",
        };
        foreach (var (cluster, grpcPort) in new[] { ("catalog", ports.CatalogGrpc), ("publish", ports.PublishGrpc), ("verification", ports.VerificationGrpc) })
        {
            var address = StackPorts.Loopback(grpcPort).ToString();
            settings[$"ReverseProxy:Clusters:{cluster}:Destinations:primary:Address"] = address;
            settings[$"services:{cluster}:http:0"] = address;
        }

        return settings;
    }

    // Request logging at Information is off in every ASP.NET Core template; the services have no appsettings of
    // their own, so it is set here rather than measuring console writes.
    private Dictionary<string, string> Service(int grpcPort, int healthPort) => new()
    {
        ["ConnectionStrings:registrydb"] = databaseConnection,
        ["GRPC_PORT"] = grpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["HEALTH_PORT"] = healthPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };
}
