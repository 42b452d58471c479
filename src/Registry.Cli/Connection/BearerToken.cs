using Grpc.Core;

namespace Registry.Cli.Connection;

/// <summary>The gRPC metadata a write carries: <c>authorization: Bearer &lt;registry token&gt;</c>.</summary>
public static class BearerToken
{
    public static Metadata Metadata(string token) => new() { { "authorization", $"Bearer {token}" } };
}
