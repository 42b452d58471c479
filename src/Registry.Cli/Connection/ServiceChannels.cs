using Grpc.Net.Client;

namespace Registry.Cli.Connection;

/// <summary>
/// One gRPC channel per service address, opened on first use. The services listen on HTTP/2 cleartext, which
/// Grpc.Net.Client speaks with prior knowledge for http:// addresses.
/// </summary>
public sealed class ServiceChannels : IDisposable
{
    // A closed port fails at once; this bounds an address that drops packets.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<Uri, GrpcChannel> channels = [];

    public GrpcChannel For(Uri address)
    {
        if (!channels.TryGetValue(address, out var channel))
        {
            channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions
            {
                HttpHandler = new SocketsHttpHandler { ConnectTimeout = ConnectTimeout, EnableMultipleHttp2Connections = true },
                DisposeHttpClient = true,
            });
            channels[address] = channel;
        }

        return channel;
    }

    public void Dispose()
    {
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }

        channels.Clear();
    }
}
