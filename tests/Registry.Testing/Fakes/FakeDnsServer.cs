using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Registry.Testing.Fakes;

/// <summary>
/// An authoritative DNS server on 127.0.0.1 (UDP and TCP on the same port) that answers TXT queries from records
/// the test sets: NXDOMAIN for unknown names, an empty NOERROR answer for other types on known names.
/// </summary>
public sealed class FakeDnsServer : IAsyncDisposable
{
    private const ushort TxtType = 16;
    private const int BindAttempts = 20;
    private const int MaxMessage = ushort.MaxValue;

    private readonly ConcurrentDictionary<string, string[]> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private Task _udpLoop = Task.CompletedTask;
    private Task _tcpLoop = Task.CompletedTask;
    private int _queryCount;
    private int _disposed;

    private FakeDnsServer(Socket udp, TcpListener tcp)
    {
        _udp = udp;
        _tcp = tcp;
        EndPoint = (IPEndPoint)udp.LocalEndPoint!;
    }

    /// <summary>127.0.0.1 and the port, for both UDP and TCP.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>How many well-formed queries arrived (UDP and TCP).</summary>
    public int QueryCount => Volatile.Read(ref _queryCount);

    public static Task<FakeDnsServer> StartAsync()
    {
        var server = Bind();
        server._udpLoop = Task.Run(server.ServeUdpAsync);
        server._tcpLoop = Task.Run(server.AcceptTcpAsync);
        return Task.FromResult(server);
    }

    /// <summary>Replaces the TXT records of a name (one RR per record); no records makes the name known but empty.</summary>
    public void SetTxt(string domain, params string[] records) => _records[Normalize(domain)] = [.. records];

    public void Remove(string domain) => _records.TryRemove(Normalize(domain), out _);

    public void Clear() => _records.Clear();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        _udp.Dispose();
        _tcp.Stop();
        await Task.WhenAll([_udpLoop, _tcpLoop, .. _connections.Keys]).ContinueWith(_ => { }, TaskScheduler.Default);
        _stopping.Dispose();
    }

    // UDP and TCP must share a port; the UDP port the kernel picks may be taken for TCP, so try again.
    private static FakeDnsServer Bind()
    {
        for (var attempt = 1; ; attempt++)
        {
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var tcp = new TcpListener(IPAddress.Loopback, ((IPEndPoint)udp.LocalEndPoint!).Port);
            try
            {
                tcp.Start();
                return new FakeDnsServer(udp, tcp);
            }
            catch (SocketException) when (attempt < BindAttempts)
            {
                udp.Dispose();
            }
        }
    }

    private static string Normalize(string domain) => domain.TrimEnd('.');

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[MaxMessage];
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }
            if (Respond(buffer.AsSpan(0, received.ReceivedBytes), tcp: false) is not { } answer)
            {
                continue;
            }
            try
            {
                await _udp.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, _stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // The client may be gone already; the next query must still be served.
            }
        }
    }

    private async Task AcceptTcpAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _tcp.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var connection = Task.Run(() => ServeTcpAsync(client));
            _connections.TryAdd(connection, 0);
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    // Over TCP every message is preceded by its length in two bytes (RFC 1035 section 4.2.2).
    private async Task ServeTcpAsync(TcpClient client)
    {
        using var owned = client;
        var stream = client.GetStream();
        var prefix = new byte[2];
        try
        {
            while (true)
            {
                await stream.ReadExactlyAsync(prefix, _stopping.Token);
                var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                await stream.ReadExactlyAsync(message, _stopping.Token);
                if (Respond(message, tcp: true) is not { } answer)
                {
                    return;
                }
                BinaryPrimitives.WriteUInt16BigEndian(prefix, (ushort)answer.Length);
                await stream.WriteAsync(prefix, _stopping.Token);
                await stream.WriteAsync(answer, _stopping.Token);
            }
        }
        catch (Exception error) when (error is OperationCanceledException or ObjectDisposedException or IOException or EndOfStreamException or SocketException)
        {
            // The client closed the connection or the server is stopping.
        }
    }

    private byte[]? Respond(ReadOnlySpan<byte> request, bool tcp)
    {
        if (!DnsQuery.TryParse(request, out var query))
        {
            return request.Length >= DnsQuery.HeaderLength ? DnsResponse.FormatErrorFor(request) : null;
        }
        Interlocked.Increment(ref _queryCount);
        int? limit = tcp ? MaxMessage : query.MaxUdpSize;
        if (query.Opcode != 0)
        {
            return DnsResponse.Answer(request, query, DnsResponse.NotImplemented, [], limit);
        }
        if (!_records.TryGetValue(Normalize(query.Name), out var records))
        {
            return DnsResponse.Answer(request, query, DnsResponse.NameError, [], limit);
        }
        return DnsResponse.Answer(request, query, DnsResponse.NoError, query.Type == TxtType ? records : [], limit);
    }
}
