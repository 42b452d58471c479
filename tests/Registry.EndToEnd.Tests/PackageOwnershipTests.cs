using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

[Collection(PackageCheckingRegistryCollection.Name)]
public class PackageOwnershipTests(PackageCheckingRegistryFixture registry)
{
    private readonly Publisher publisher = new(registry.Gateway);

    private static JsonObject WithNpmPackage(JsonObject document, string identifier, string version) =>
        WithPackage(document, "npm", identifier, version);

    private static JsonObject WithPackage(JsonObject document, string registryType, string identifier, string version)
    {
        document["packages"] = new JsonArray(new JsonObject
        {
            ["registryType"] = registryType,
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

    [Fact]
    public async Task ACrateWhoseReadmeShowsTheServerNameIsAccepted()
    {
        var document = Publisher.NewServer();
        var name = document["name"]!.GetValue<string>();
        registry.Crates.AddVersion("e2e-owned-crate", "0.4.0", $"# Owned\n\nmcp-name: {name}\n");

        using var response = await publisher.PublishAsync(WithPackage(document, "cargo", "e2e-owned-crate", "0.4.0"), await publisher.AnonymousTokenAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ACrateThatHidesTheServerNameInACommentIsRefusedWithTheCause()
    {
        var document = Publisher.NewServer();
        var name = document["name"]!.GetValue<string>();
        registry.Crates.AddVersion("e2e-hidden-crate", "0.4.0", $"# Hidden\n\n<!-- mcp-name: {name} -->\n");

        using var response = await publisher.PublishAsync(WithPackage(document, "cargo", "e2e-hidden-crate", "0.4.0"), await publisher.AnonymousTokenAsync());

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Equal("Failed to publish server", problem.GetProperty("detail").GetString());
        var cause = problem.GetProperty("errors")[0].GetProperty("message").GetString();
        Assert.StartsWith("registry validation failed for package 0 (e2e-hidden-crate): crate 'e2e-hidden-crate' 0.4.0 README does not contain", cause);
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Gateway.GetAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions")).StatusCode);
    }
}
