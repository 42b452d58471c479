using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Registry.ServiceHosting;

/// <summary>
/// A service listens twice: an HTTP/2-only port for gRPC and transcoded REST (cleartext gRPC needs prior-knowledge
/// HTTP/2, which a mixed HTTP/1.1+2 cleartext endpoint does not accept), and an HTTP/1.1 port for health probes.
/// The AppHost hands the ports over as GRPC_PORT and HEALTH_PORT; without them Kestrel's usual settings apply.
/// </summary>
public static class ServicePorts
{
    public static WebApplicationBuilder UseRegistryServicePorts(this WebApplicationBuilder builder)
    {
        var grpcPort = builder.Configuration.GetValue<int?>("GRPC_PORT");
        var healthPort = builder.Configuration.GetValue<int?>("HEALTH_PORT");
        if (grpcPort is null)
        {
            return builder;
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.ListenLocalhost(grpcPort.Value, o => o.Protocols = HttpProtocols.Http2);
            if (healthPort is not null)
            {
                kestrel.ListenLocalhost(healthPort.Value, o => o.Protocols = HttpProtocols.Http1);
            }
        });
        return builder;
    }
}
