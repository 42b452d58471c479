using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>The loopback ports of one round's processes.</summary>
public sealed record StackPorts(
    int CatalogGrpc, int CatalogHealth,
    int PublishGrpc, int PublishHealth,
    int VerificationGrpc, int VerificationHealth,
    int CachedGateway, int UncachedGateway, int Floor)
{
    public static StackPorts Pick() => new(
        FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next(),
        FreePort.Next(), FreePort.Next(), FreePort.Next(), FreePort.Next());

    public static Uri Loopback(int port) => new($"http://127.0.0.1:{port}");
}
