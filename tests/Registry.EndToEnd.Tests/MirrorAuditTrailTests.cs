using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Registry.EndToEnd.Tests;

/// <summary>A mirror page that writes versions leaves an audit row, as the mirror, naming the upstream.</summary>
[Collection(MirroringRegistryCollection.Name)]
public class MirrorAuditTrailTests(MirroringRegistryFixture registry)
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    private async Task<string> AdministratorTokenAsync()
    {
        var idToken = registry.World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = "mirror-auditor" }, audience: OutsideWorld.AdminClientId);
        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/oidc", new { oidc_token = idToken });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registry_token").GetString()!;
    }

    private async Task<List<JsonElement>> MirrorRowsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v0/x/dev.mcpregistry/audit/export?action=mirror&outcome=succeeded");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await registry.Gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    [Fact]
    public async Task AMirroredPageLeavesARowAsTheMirrorNamingTheUpstream()
    {
        var token = await AdministratorTokenAsync();
        var before = (await MirrorRowsAsync(token)).Select(r => r.GetProperty("id").GetInt64()).DefaultIfEmpty(0).Max();

        registry.Upstream.Publish($"com.example.upstream/audit-{Guid.NewGuid():N}", "1.0.0");

        var deadline = DateTime.UtcNow + CatchUpTimeout;
        List<JsonElement> added;
        while ((added = (await MirrorRowsAsync(token)).Where(r => r.GetProperty("id").GetInt64() > before).ToList()).Count == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no mirror page was audited");
            await Task.Delay(200);
        }

        var row = added[0];
        Assert.Equal(("mirror", "mirror", 200), (row.GetProperty("actor").GetString(), row.GetProperty("authMethod").GetString(), row.GetProperty("statusCode").GetInt32()));
        // The page may also carry versions read again from the pass's overlap; only the new one is written.
        Assert.Matches($@"^1 of \d+ versions written from {System.Text.RegularExpressions.Regex.Escape(registry.Upstream.BaseUrl)}$", row.GetProperty("detail").GetString());
    }
}
