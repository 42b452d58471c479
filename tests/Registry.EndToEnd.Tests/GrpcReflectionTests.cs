using System.Net;
using System.Net.Http.Headers;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Every gRPC service answers server reflection on its own HTTP/2 cleartext port, so that generic tools can list and
/// call it; the gateway does not forward it.
/// </summary>
[Collection(RegistryAppCollection.Name)]
public sealed class GrpcReflectionTests(RegistryAppFixture registry)
{
    private ReflectionClient ReflectionOn(string service) => new(registry.App.GetEndpoint(service, "http"));

    [Theory]
    [InlineData("catalog", "registry.v0.Catalog")]
    [InlineData("publish", "registry.v0.Publish")]
    [InlineData("verification", "registry.v0.Verification")]
    public async Task ReflectionListsTheServiceItsHealthAndReflectionItself(string service, string grpcService)
    {
        using var reflection = ReflectionOn(service);

        var listed = await reflection.ListServicesAsync();

        Assert.Contains(grpcService, listed);
        Assert.Contains("grpc.health.v1.Health", listed);
        Assert.Contains("grpc.reflection.v1.ServerReflection", listed);
        Assert.Contains("grpc.reflection.v1alpha.ServerReflection", listed);
        Assert.Equal(listed.Distinct().Count(), listed.Count);
    }

    [Theory]
    [InlineData("catalog")]
    [InlineData("publish")]
    [InlineData("verification")]
    public async Task EveryListedServiceResolvesToTheFileDeclaringItWithAllItsImports(string service)
    {
        using var reflection = ReflectionOn(service);

        foreach (var listed in await reflection.ListServicesAsync())
        {
            var (file, known) = await reflection.FileContainingSymbolAsync(listed);

            Assert.Contains(file.Service, s => $"{file.Package}.{s.Name}" == listed);
            Assert.All(file.Dependency, d => Assert.True(known.ContainsKey(d), $"{file.Name} imports {d}, which reflection does not know"));
        }
    }

    [Fact]
    public async Task AMethodSymbolResolvesToTheCatalogContractNamingItsRequestMessage()
    {
        using var reflection = ReflectionOn("catalog");

        var (file, known) = await reflection.FileContainingSymbolAsync("registry.v0.Catalog.ListServers");

        Assert.Equal("registry/v0/catalog.proto", file.Name);
        var method = Assert.Single(Assert.Single(file.Service, s => s.Name == "Catalog").Method, m => m.Name == "ListServers");
        Assert.Equal(".registry.v0.ListServersRequest", method.InputType);
        Assert.Equal(".registry.v0.ServerList", method.OutputType);
        var request = Assert.Single(file.MessageType, m => m.Name == "ListServersRequest");
        Assert.Contains(request.Field, f => f.Name == "limit" && f.Type == Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type.Int32);
        Assert.Contains(known.Values, f => f.Package == "registry.v0" && f.MessageType.Any(m => m.Name == "ServerList"));
    }

    [Theory]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    [InlineData("/v0/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("/v0.1/servers")]
    [InlineData("/v0.1/publish")]
    [InlineData("/mcp")]
    public async Task TheGatewayRefusesAnyGrpcCallWith415(string path)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var client = registry.NewGatewayClient();
            using var request = ReflectionRequest(path);
            using var response = await client.SendAsync(request);

            await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type");
        }
    }

    [Theory]
    [InlineData("GET", "/v0/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("POST", "/v0/grpc.reflection.v1.ServerReflection/ServerReflectionInfo")]
    [InlineData("POST", "/v0.1/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo")]
    public async Task ReflectionHasNoRestRouteUnderTheApiPrefixes(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"listServices": ""}""", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await registry.Gateway.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "Not Found");
    }

    /// <summary>Sent on a client of its own: the gateway may close a connection whose body it did not read.</summary>
    private static HttpRequestMessage ReflectionRequest(string path)
    {
        // One length-prefixed message: list_services = "".
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([0, 0, 0, 0, 2, 58, 0]) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        return request;
    }
}
