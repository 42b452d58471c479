using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Registry.EndToEnd.Tests.Web;

namespace Registry.EndToEnd.Tests;

/// <summary>The API description through the gateway, as ToolHive fetches it, and its interactive docs in a real browser.</summary>
[Collection(RegistryAppCollection.Name)]
public class ApiDocsTests(RegistryAppFixture registry, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    [Theory]
    [InlineData("/openapi.yaml")]
    [InlineData("/v0/openapi.yaml")]
    [InlineData("/v0.1/openapi.yaml")]
    public async Task TheYamlDocumentSaysItImplementsTheOfficialApi(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("openapi: '3.1", text);
        Assert.Contains("  version: 1.0.0", text);
        Assert.Contains("https://github.com/modelcontextprotocol/registry", text);
        Assert.Contains("'/v0.1/servers/{serverName}/versions/{version}':", text);
    }

    [Theory]
    [InlineData("/openapi.json")]
    [InlineData("/v0.1/openapi.json")]
    public async Task TheJsonDocumentDescribesEveryOfficialRoute(string path)
    {
        var document = JsonNode.Parse(await registry.Gateway.GetStringAsync(path))!;

        Assert.Equal("1.0.0", document["info"]!["version"]!.GetValue<string>());
        var paths = document["paths"]!.AsObject();
        foreach (var (route, methods) in new[]
        {
            ("/v0.1/servers", new[] { "get" }),
            ("/v0.1/servers/{serverName}/versions", ["get"]),
            ("/v0.1/servers/{serverName}/versions/{version}", ["get", "put", "delete"]),
            ("/v0.1/servers/{serverName}/versions/{version}/status", ["patch"]),
            ("/v0.1/servers/{serverName}/status", ["patch"]),
            ("/v0.1/publish", ["post"]),
            ("/v0.1/x/dev.mcpregistry/changes", ["get"]),
        })
        {
            Assert.True(paths[route] is JsonObject, $"{route} is not described");
            Assert.All(methods, method => Assert.True(paths[route]![method] is JsonObject, $"{method} {route} is not described"));
        }
    }

    [Fact]
    public async Task TheDocsPageRendersEveryRouteInABrowser()
    {
        await using var context = await chromium.NewContextAsync(registry.App.GetEndpoint("gateway", "http"));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/docs/index.html");
        await page.Locator(".opblock").First.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var dom = await page.ContentAsync();

        Assert.Contains("Registry: MCP Registry API", dom);
        Assert.Contains("data-path=\"/v0.1/servers\"", dom);
        Assert.Contains("data-path=\"/v0.1/servers/{serverName}/versions/{version}\"", dom);
        Assert.Contains("data-path=\"/v0.1/x/dev.mcpregistry/changes\"", dom);
        Assert.Contains("opblock-delete", dom);
    }
}
