using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Registry.Testing;

/// <summary>Speaks just enough RESP over TCP to check that a Redis-protocol server answers.</summary>
internal static class Resp
{
    private static readonly byte[] PingCommand = "*1\r\n$4\r\nPING\r\n"u8.ToArray();

    public static async Task<bool> PingAsync(int port, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, limit.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(PingCommand, limit.Token);
            var buffer = new byte[64];
            var read = 0;
            while (read < 7)
            {
                var count = await stream.ReadAsync(buffer.AsMemory(read), limit.Token);
                if (count == 0)
                {
                    break;
                }
                read += count;
            }
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is SocketException or IOException ||
                                      (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
