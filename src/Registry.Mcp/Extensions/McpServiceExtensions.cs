using Registry.Contracts.V0;
using Registry.Mcp.Catalog;
using Registry.Mcp.Tools;

namespace Registry.Mcp.Extensions;

public static class McpServiceExtensions
{
    /// <summary>The gateway forwards <c>/mcp</c> here unchanged.</summary>
    public const string McpPath = "/mcp";

    /// <summary>Resolved by service discovery (<c>services:catalog:http</c>); HTTP/2 without TLS.</summary>
    private const string CatalogAddress = "http://catalog";

    public static WebApplicationBuilder AddMcpServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcClient<Contracts.V0.Catalog.CatalogClient>(o => o.Address = new Uri(CatalogAddress)).ForwardCallerAuthorization();
        builder.Services.AddSingleton<CatalogReader>();
        builder.Services.AddMcpServer(server => server.ServerInfo = new() { Name = "registry", Version = "1.0.0" })
            // Stateless: any instance behind the gateway can answer any request, with no session affinity.
            .WithHttpTransport(transport => transport.Stateless = true)
            .WithTools<RegistryTools>();
        return builder;
    }
}
