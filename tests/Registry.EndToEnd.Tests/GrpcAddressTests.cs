namespace Registry.EndToEnd.Tests;

/// <summary>The AppHost shows where each service answers gRPC, so that internal tools can find it.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class GrpcAddressTests(RegistryAppFixture registry)
{
    [Theory]
    [InlineData("catalog")]
    [InlineData("publish")]
    [InlineData("verification")]
    public async Task TheDashboardLabelsTheServicesGrpcEndpointWithItsAddress(string service)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var running = await registry.App.ResourceNotifications.WaitForResourceAsync(
            service, e => e.Snapshot.Urls.Any(u => u.Name == "http" && !u.IsInactive), timeout.Token);

        var grpc = Assert.Single(running.Snapshot.Urls, u => u.Name == "http");
        Assert.Equal("gRPC (h2c)", grpc.DisplayProperties.DisplayName);
        Assert.Equal(registry.App.GetEndpoint(service, "http"), new Uri(grpc.Url));
        Assert.False(grpc.IsInternal);
        Assert.Equal("health (HTTP/1.1)", Assert.Single(running.Snapshot.Urls, u => u.Name == "health").DisplayProperties.DisplayName);
    }
}
