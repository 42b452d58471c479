using System.Net;
using System.Net.Sockets;

namespace Registry.Cli.Tests;

internal static class ClosedPort
{
    /// <summary>An address on loopback where nothing listens: a port the system just handed out and took back.</summary>
    public static string Address()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
