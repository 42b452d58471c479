using Google.Protobuf.Reflection;
using Grpc.Net.Client;
using Grpc.Reflection.V1;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Asks a service's gRPC port what it hosts, as grpcurl, Postman and grpcui do: server reflection (v1) over HTTP/2
/// cleartext, one request per call on its bidirectional stream.
/// </summary>
internal sealed class ReflectionClient(Uri grpcAddress) : IDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(grpcAddress);

    public async Task<IReadOnlyList<string>> ListServicesAsync()
    {
        var response = await AskAsync(new ServerReflectionRequest { ListServices = "" });
        return response.ListServicesResponse.Service.Select(s => s.Name).ToList();
    }

    /// <summary>The file declaring <paramref name="symbol"/> (a service, method or message), and every file it imports.</summary>
    public async Task<(FileDescriptorProto File, IReadOnlyDictionary<string, FileDescriptorProto> Known)> FileContainingSymbolAsync(string symbol)
    {
        var files = await FilesAsync(new ServerReflectionRequest { FileContainingSymbol = symbol });
        var known = files.ToDictionary(f => f.Name);
        await AddImportsAsync(known);
        var declaring = files.Single(f => Declares(f, symbol));
        return (declaring, known);
    }

    /// <summary>Follows imports the server did not send at once, by file name, as a client building descriptors must.</summary>
    private async Task AddImportsAsync(Dictionary<string, FileDescriptorProto> known)
    {
        while (known.Values.SelectMany(f => f.Dependency).FirstOrDefault(d => !known.ContainsKey(d)) is { } missing)
        {
            foreach (var file in await FilesAsync(new ServerReflectionRequest { FileByFilename = missing }))
            {
                known.TryAdd(file.Name, file);
            }

            Assert.True(known.ContainsKey(missing), $"reflection did not send {missing}");
        }
    }

    private static bool Declares(FileDescriptorProto file, string symbol)
    {
        var prefix = file.Package.Length == 0 ? "" : file.Package + ".";
        return file.Service.Any(s => symbol == prefix + s.Name || s.Method.Any(m => symbol == $"{prefix}{s.Name}.{m.Name}"))
            || file.MessageType.Any(m => symbol == prefix + m.Name);
    }

    private async Task<List<FileDescriptorProto>> FilesAsync(ServerReflectionRequest request)
    {
        var response = await AskAsync(request);
        return response.FileDescriptorResponse.FileDescriptorProto.Select(FileDescriptorProto.Parser.ParseFrom).ToList();
    }

    private async Task<ServerReflectionResponse> AskAsync(ServerReflectionRequest request)
    {
        using var call = new ServerReflection.ServerReflectionClient(channel).ServerReflectionInfo(deadline: DateTime.UtcNow.Add(CallTimeout));
        await call.RequestStream.WriteAsync(request);
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None), "reflection sent no answer");
        var response = call.ResponseStream.Current;
        Assert.True(response.ErrorResponse is null, $"reflection refused {request}: {response.ErrorResponse}");
        return response;
    }

    public void Dispose() => channel.Dispose();
}
