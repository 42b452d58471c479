using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// The audit trail through the gateway: writes and logins, accepted or refused, each leave a row with the caller, the
/// client address the gateway saw and the outcome; administrators read it filtered and export it; no token is stored.
/// </summary>
[Collection(RegistryAppCollection.Name)]
public class AuditTrailTests(RegistryAppFixture registry)
{
    private const string AuditPath = "/v0.1/x/dev.mcpregistry/audit";
    private readonly Publisher publisher = new(registry.Gateway);

    private async Task<(string Subject, string Token)> AdministratorAsync()
    {
        var subject = $"auditor-{Guid.NewGuid():N}";
        var idToken = registry.World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = subject }, audience: OutsideWorld.AdminClientId);
        using var response = await registry.Gateway.PostAsJsonAsync("/v0/auth/oidc", new { oidc_token = idToken });
        response.EnsureSuccessStatusCode();
        return (subject, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registry_token").GetString()!);
    }

    private async Task<HttpResponseMessage> ReadAsync(string pathAndQuery, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await registry.Gateway.SendAsync(request);
    }

    private async Task<List<JsonElement>> EventsAsync(string query, string token)
    {
        using var response = await ReadAsync($"{AuditPath}?{query}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return page.RootElement.GetProperty("events").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    private static string Text(JsonElement audited, string field) =>
        audited.TryGetProperty(field, out var value) ? value.GetString() ?? "" : "";

    private static void AssertLoopback(JsonElement audited) =>
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(Text(audited, "clientAddress"))), $"client address {Text(audited, "clientAddress")}");

    [Fact]
    public async Task AcceptedAndRefusedPublishesEachLeaveARowWithTheCallerTheOutcomeAndTheClientAddress()
    {
        var token = await publisher.AnonymousTokenAsync();
        var name = $"{Publisher.AnonymousNamespace}/audit-{Guid.NewGuid():N}";
        var outside = $"com.example.audit/e2e-{Guid.NewGuid():N}";
        using var badToken = await publisher.PublishAsync(Publisher.NewServer("1.0.0", name), "not-a-token");
        using var accepted = await publisher.PublishAsync(Publisher.NewServer("1.0.0", name), token);
        using var elsewhere = await publisher.PublishAsync(Publisher.NewServer("2.0.0", outside), token);
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Forbidden), (badToken.StatusCode, accepted.StatusCode, elsewhere.StatusCode));
        var (_, admin) = await AdministratorAsync();

        var rows = await EventsAsync($"serverName={Uri.EscapeDataString(name)}", admin);
        var refusedOutside = Assert.Single(await EventsAsync($"serverName={Uri.EscapeDataString(outside)}", admin));

        Assert.Equal(
            [("", "", "publish", "1.0.0", "refused", 401), ("anonymous", "none", "publish", "1.0.0", "succeeded", 200)],
            rows.Select(r => (Text(r, "actor"), Text(r, "authMethod"), Text(r, "action"), Text(r, "version"), Text(r, "outcome"), r.GetProperty("statusCode").GetInt32())));
        Assert.Equal([$"publish:{Publisher.AnonymousNamespace}/*"], rows[1].GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(("anonymous", "none", "2.0.0", "refused", 403),
            (Text(refusedOutside, "actor"), Text(refusedOutside, "authMethod"), Text(refusedOutside, "version"), Text(refusedOutside, "outcome"),
             refusedOutside.GetProperty("statusCode").GetInt32()));
        Assert.False(refusedOutside.TryGetProperty("permissions", out _));
        AssertLoopback(rows[0]);
        AssertLoopback(rows[1]);
        AssertLoopback(refusedOutside);
    }

    [Fact]
    public async Task ALoginLeavesARowAndTheListFiltersByActorNameAndTimeRange()
    {
        var (subject, admin) = await AdministratorAsync();
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "1.1.0");

        var login = Assert.Single(await EventsAsync($"actor={subject}", admin));
        var published = await EventsAsync($"serverName={Uri.EscapeDataString(name)}", admin);

        Assert.Equal(("login", "oidc", "succeeded", 200), (Text(login, "action"), Text(login, "authMethod"), Text(login, "outcome"), login.GetProperty("statusCode").GetInt32()));
        Assert.Contains("audit:*", Text(login, "detail"), StringComparison.Ordinal);
        AssertLoopback(login);
        Assert.Equal(["1.0.0", "1.1.0"], published.Select(e => Text(e, "version")));
        var second = Text(published[1], "occurredAt");
        Assert.Equal(["1.1.0"], (await EventsAsync($"serverName={Uri.EscapeDataString(name)}&since={Uri.EscapeDataString(second)}", admin)).Select(e => Text(e, "version")));
        Assert.Equal(["1.0.0"], (await EventsAsync($"serverName={Uri.EscapeDataString(name)}&until={Uri.EscapeDataString(second)}", admin)).Select(e => Text(e, "version")));
        var after = published[0].GetProperty("id").GetInt64();
        Assert.Equal(["1.1.0"], (await EventsAsync($"serverName={Uri.EscapeDataString(name)}&after={after}&limit=1", admin)).Select(e => Text(e, "version")));
        Assert.Empty(await EventsAsync($"actor={subject}&action=publish", admin));
    }

    [Fact]
    public async Task WithoutATokenTheReadIs401AndWithoutTheAuditPermissionItIs403()
    {
        var anonymous = await publisher.AnonymousTokenAsync();

        using var withoutToken = await ReadAsync(AuditPath, null);
        using var withoutPermission = await ReadAsync(AuditPath, anonymous);
        using var exportWithoutPermission = await ReadAsync(AuditPath + "/export", anonymous);
        using var badQuery = await ReadAsync(AuditPath + "?limit=0", (await AdministratorAsync()).Token);

        await ProblemAssert.IsProblemAsync(withoutToken, HttpStatusCode.Unauthorized, "Unauthorized");
        await ProblemAssert.IsProblemAsync(withoutPermission, HttpStatusCode.Forbidden, "Forbidden");
        await ProblemAssert.IsProblemAsync(exportWithoutPermission, HttpStatusCode.Forbidden, "Forbidden");
        await ProblemAssert.IsProblemAsync(badQuery, HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
    }

    [Fact]
    public async Task TheExportIsJsonLinesThatParseAndTheAnswersAreNotStoredByCaches()
    {
        var (_, admin) = await AdministratorAsync();
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");

        using var export = await ReadAsync($"/v0/x/dev.mcpregistry/audit/export?serverName={Uri.EscapeDataString(name)}", admin);
        using var page = await ReadAsync($"{AuditPath}?serverName={Uri.EscapeDataString(name)}", admin);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(["1.0.0", "2.0.0"], events.Select(e => Text(e, "version")));
        Assert.All(events, e => Assert.Equal((name, "succeeded"), (Text(e, "serverName"), Text(e, "outcome"))));
        Assert.True(export.Headers.CacheControl?.NoStore);
        Assert.True(page.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task NoTokenAppearsAnywhereInTheAuditTable()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");
        using var refused = await publisher.PublishAsync(Publisher.NewServer("1.0.0", name), token);
        var idToken = registry.World.Admins.CreateToken(new Dictionary<string, object> { ["sub"] = $"canary-{Guid.NewGuid():N}" }, audience: OutsideWorld.AdminClientId);
        using var login = await registry.Gateway.PostAsJsonAsync("/v0/auth/oidc", new { oidc_token = idToken });
        var adminToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registry_token").GetString()!;

        await using var connection = new NpgsqlConnection(await registry.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(string_agg(a::text, E'\\n'), '') FROM audit_events a", connection);
        var trail = (string)(await command.ExecuteScalarAsync())!;

        Assert.Contains(name, trail, StringComparison.Ordinal);
        foreach (var secret in new[] { token, adminToken, idToken })
        {
            Assert.DoesNotContain(secret, trail, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[(secret.LastIndexOf('.') + 1)..], trail, StringComparison.Ordinal);
        }
    }
}
