using System.Text.Json.Nodes;
using Grpc.Net.Client;
using Registry.Contracts.V0;

namespace Registry.EndToEnd.Tests;

/// <summary>The README's "Calling the gRPC API" example, made the way it is written there.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class GrpcWorkedExampleTests(RegistryAppFixture registry)
{
    [Fact]
    public async Task ListingTheCatalogNamesItsServiceTheHealthProtocolAndBothReflectionVersions()
    {
        using var reflection = new ReflectionClient(registry.CatalogGrpcAddress);

        var listed = await reflection.ListServicesAsync();

        Assert.Equal(
            ["grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection", "registry.v0.Catalog"],
            listed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListServersWithALimitOfTwoAnswersTheFirstTwoVersionsTheRestApiLists()
    {
        using var channel = GrpcChannel.ForAddress(registry.CatalogGrpcAddress);
        var catalog = new Catalog.CatalogClient(channel);

        var page = await catalog.ListServersAsync(new ListServersRequest { Limit = 2 });

        var rest = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0.1/servers?limit=2"))!;
        var expected = rest["servers"]!.AsArray()
            .Select(e => (e!["server"]!["name"]!.GetValue<string>(), e["server"]!["version"]!.GetValue<string>()))
            .ToList();
        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, page.Servers.Select(e => (e.Server.Name, e.Server.Version)));
        Assert.Equal(2, page.Metadata.Count);
        Assert.Equal(rest["metadata"]!["nextCursor"]!.GetValue<string>(), page.Metadata.NextCursor);
        Assert.All(page.Servers, e => Assert.False(string.IsNullOrEmpty(e.Meta.Official.Status)));
    }
}
