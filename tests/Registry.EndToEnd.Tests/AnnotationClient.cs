using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

/// <summary>An operator's client of the annotation extension, through the gateway, logged in as an administrator.</summary>
internal sealed class AnnotationClient(RegistryAppFixture registry)
{
    public const string Review = "com.acme.registry/review";

    private readonly Publisher http = new(registry.Gateway);

    /// <summary>A registry token of an administrator, who holds <c>annotate</c> on <see cref="OutsideWorld.AdminAnnotationKeys"/>.</summary>
    public async Task<string> AdminTokenAsync()
    {
        var idToken = registry.World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = "admin" }, audience: OutsideWorld.AdminClientId);
        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/oidc", new { oidc_token = idToken });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registry_token").GetString()!;
    }

    public static string PathOf(string name, string? version, string? key = null, string prefix = "/v0.1") =>
        $"{prefix}/x/dev.mcpregistry/servers/{Uri.EscapeDataString(name)}" +
        (version is null ? "" : $"/versions/{Uri.EscapeDataString(version)}") +
        "/annotations" + (key is null ? "" : "/" + Uri.EscapeDataString(key));

    public Task<HttpResponseMessage> SetAsync(string name, string? version, string key, string body, string? token) =>
        http.SendAsync(HttpMethod.Put, PathOf(name, version, key), body, token);

    public Task<HttpResponseMessage> RemoveAsync(string name, string? version, string key, string? token) =>
        http.SendAsync(HttpMethod.Delete, PathOf(name, version, key), null, token);

    public async Task SetOkAsync(string name, string? version, string key, string body, string token)
    {
        using var response = await SetAsync(name, version, key, body, token);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>The <c>_meta</c> of an entry of a read's answer.</summary>
    public static JsonObject Meta(JsonNode entry) => entry["_meta"]!.AsObject();
}
