using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// <c>WaitFor</c> on an executable only waits until the process runs. These probes wait until it really answers:
/// a query for PostgreSQL, a PING for the cache.
/// </summary>
internal static class ReadinessProbes
{
    public static IResourceBuilder<T> WithReadinessCheck<T>(
        this IResourceBuilder<T> resource, IDistributedApplicationBuilder builder, string name, Func<CancellationToken, Task<bool>> probe)
        where T : IResource
    {
        builder.Services.AddHealthChecks().AddAsyncCheck(name, async ct =>
        {
            try
            {
                return await probe(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy(ex.Message);
            }
        });
        return resource.WithHealthCheck(name);
    }

    public static async Task<bool> PostgresAsync(IResourceWithConnectionString database, CancellationToken cancellationToken)
    {
        var connectionString = await database.GetConnectionStringAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString + ";Timeout=3;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken) is 1;
    }

    public static async Task<bool> RespPingAsync(EndpointReference endpoint, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
