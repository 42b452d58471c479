using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

[Collection(PackageCheckingRegistryCollection.Name)]
public class PackageOwnershipTests(PackageCheckingRegistryFixture registry)
{
    private readonly Publisher publisher = new(registry.Gateway);

    private static JsonObject WithNpmPackage(JsonObject document, string identifier, string version)
    {
        document["packages"] = new JsonArray(new JsonObject
        {
            ["registryType"] = "npm",
            ["identifier"] = identifier,
            ["version"] = version,
            ["transport"] = new JsonObject { ["type"] = "stdio" },
        });
        return document;
    }

    [Fact]
    public async Task APackageThatNamesTheServerIsAccepted()
    {
        var document = Publisher.NewServer();
        var name = document["name"]!.GetValue<string>();
        registry.Npm.AddVersion("@e2e/owned-server", "1.2.3", mcpName: name);

        using var response = await publisher.PublishAsync(WithNpmPackage(document, "@e2e/owned-server", "1.2.3"), await publisher.AnonymousTokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task APackageThatNamesAnotherServerIsRefusedAndNothingIsStored()
    {
        var document = Publisher.NewServer();
        var name = document["name"]!.GetValue<string>();
        registry.Npm.AddVersion("@e2e/someone-elses", "2.0.0", mcpName: "io.github.someone/else");

        using var response = await publisher.PublishAsync(WithNpmPackage(document, "@e2e/someone-elses", "2.0.0"), await publisher.AnonymousTokenAsync());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request");
        Assert.StartsWith("registry validation failed for package 0 (@e2e/someone-elses)", problem.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Gateway.GetAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions")).StatusCode);
    }
}
