using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Registry.EndToEnd.Tests;

[Collection(RegistryAppCollection.Name)]
public class OperationalRouteTests(RegistryAppFixture registry)
{
    [Theory]
    [InlineData("/v0")]
    [InlineData("/v0.1")]
    public async Task HealthPingAndVersionAnswerUnderBothPrefixes(string prefix)
    {
        var health = await registry.Gateway.GetFromJsonAsync<JsonElement>(prefix + "/health");
        var ping = await registry.Gateway.GetFromJsonAsync<JsonElement>(prefix + "/ping");
        var version = await registry.Gateway.GetFromJsonAsync<JsonElement>(prefix + "/version");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(ping.GetProperty("pong").GetBoolean());
        Assert.Equal(["version", "git_commit", "build_time"], version.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task MetricsArePrometheusText()
    {
        await registry.Gateway.GetAsync("/v0/ping");

        using var response = await registry.Gateway.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
    }

    [Fact]
    public async Task WithoutAMirrorItsStatusRouteIsUnknown()
    {
        using var response = await registry.Gateway.GetAsync("/v0/x/dev.mcpregistry/mirror");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "Not Found");
    }
}
