using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

/// <summary>A publisher client speaking the official REST API through the gateway, as mcp-publisher does.</summary>
internal sealed class Publisher(HttpClient gateway)
{
    public const string AnonymousNamespace = "io.modelcontextprotocol.anonymous";
    public const string CurrentSchema = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    public async Task<string> AnonymousTokenAsync()
    {
        using var response = await gateway.PostAsync("/v0/auth/none", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registry_token").GetString()!;
    }

    /// <summary>A new anonymous name with these versions published in order, and the token that may change it.</summary>
    public async Task<(string Token, string Name)> PublishNewServerAsync(params string[] versions)
    {
        var token = await AnonymousTokenAsync();
        var name = NewServer()["name"]!.GetValue<string>();
        foreach (var version in versions)
        {
            (await PublishAsync(NewServer(version, name), token)).EnsureSuccessStatusCode();
        }

        return (token, name);
    }

    /// <summary>The registry's own metadata of a response entry.</summary>
    public static JsonNode Official(JsonNode entry) => entry["_meta"]!["io.modelcontextprotocol.registry/official"]!;

    public Task<HttpResponseMessage> PublishAsync(JsonNode document, string? token) =>
        SendAsync(HttpMethod.Post, "/v0/publish", document.ToJsonString(), token);

    public Task<HttpResponseMessage> EditAsync(string name, string version, JsonNode document, string? token) =>
        SendAsync(HttpMethod.Put, $"/v0/servers/{Uri.EscapeDataString(name)}/versions/{Uri.EscapeDataString(version)}", document.ToJsonString(), token);

    public Task<HttpResponseMessage> SetStatusAsync(string name, string? version, object body, string? token) =>
        SendAsync(HttpMethod.Patch,
            version is null
                ? $"/v0/servers/{Uri.EscapeDataString(name)}/status"
                : $"/v0/servers/{Uri.EscapeDataString(name)}/versions/{Uri.EscapeDataString(version)}/status",
            JsonSerializer.Serialize(body), token);

    public Task<HttpResponseMessage> DeleteAsync(string name, string version, string? token, string prefix = "/v0") =>
        SendAsync(HttpMethod.Delete, $"{prefix}/servers/{Uri.EscapeDataString(name)}/versions/{Uri.EscapeDataString(version)}", null, token);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body, string? token)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await gateway.SendAsync(request);
    }

    /// <summary>A minimal valid document in the anonymous namespace with a name no other test uses.</summary>
    public static JsonObject NewServer(string version = "1.0.0", string? name = null) => new()
    {
        ["$schema"] = CurrentSchema,
        ["name"] = name ?? $"{AnonymousNamespace}/e2e-{Guid.NewGuid():N}",
        ["description"] = "End-to-end test server",
        ["version"] = version,
    };
}
