using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Registry.Auth.Tokens;
using Registry.Data.Audit;
using Registry.Domain.Audit;
using Registry.Domain.Errors;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>Every write leaves one audit row, whatever its outcome, and only a token with the audit permission reads the trail.</summary>
[Collection(PublishHostCollection.Name)]
public sealed class PublishAuditTests(PublishHost host)
{
    private const string AuditPath = "/v0.1/x/dev.mcpregistry/audit";

    private async Task<IReadOnlyList<AuditEntry>> RowsAsync(string name) =>
        (await new AuditTrailReader(host.Database).ReadPageAsync(new AuditFilter(0, 100, ServerName: name), CancellationToken.None))
        .Select(e => e.Entry).ToList();

    [Fact]
    public async Task EachWriteLeavesOneRowWithTheCallerThePermissionsItUsedAndTheOutcome()
    {
        var name = NewName();
        var admin = TestTokens.Bearer(host.Tokens.Administrator());
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync(null, Minimal(name), default));
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Stranger()), Minimal(name), default));
        await host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Publisher()), Minimal(name), default);
        await host.Statuses.SetAllVersionsStatusAsync(admin, name, "deprecated", null, default);
        await host.Statuses.DeleteVersionAsync(admin, name, "1.0.0", default);

        var rows = await RowsAsync(name);

        Assert.Equal(
            [
                ("", "", AuditActions.Publish, "1.0.0", null, AuditOutcomes.Refused, 401),
                ("example.com", AuthMethods.Dns, AuditActions.Publish, "1.0.0", null, AuditOutcomes.Refused, 403),
                ("example.com", AuthMethods.Dns, AuditActions.Publish, "1.0.0", null, AuditOutcomes.Succeeded, 200),
                ("example.com", AuthMethods.Dns, AuditActions.Status, "*", "deprecated", AuditOutcomes.Succeeded, 200),
                ("example.com", AuthMethods.Dns, AuditActions.Delete, "1.0.0", "deleted", AuditOutcomes.Succeeded, 200),
            ],
            rows.Select(r => (r.Actor, r.AuthMethod, r.Action, r.Version, r.Detail, r.Outcome, r.StatusCode)));
        Assert.Equal(
            [[], [], ["publish:com.example/*"], ["publish:com.example/*", "edit:com.example/*"], ["publish:com.example/*", "edit:com.example/*"]],
            rows.Select(r => r.Permissions));
    }

    [Fact]
    public async Task NoAuditRowEverHoldsTheCallersToken()
    {
        var name = NewName();
        var token = host.Tokens.Publisher();
        await host.Publisher.PublishAsync(TestTokens.Bearer(token), Minimal(name), default);
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync("Token " + token, Minimal(name, "2.0.0"), default));

        await using var command = host.Database.CreateCommand("SELECT coalesce(string_agg(a::text, E'\\n'), '') FROM audit_events a");
        var trail = (string)(await command.ExecuteScalarAsync())!;

        Assert.Contains(name, trail, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], trail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("forged", HttpStatusCode.Unauthorized)]
    [InlineData("publisher", HttpStatusCode.Forbidden)]
    public async Task ReadingTheTrailNeedsATokenWithTheAuditPermission(string? token, HttpStatusCode expected)
    {
        using var client = host.RestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, AuditPath);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token == "forged" ? TestTokens.Forged() : host.Tokens.Publisher());
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AnAuditorReadsAFilteredPageAndTheSameEventsAsJsonLines()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Publisher()), Minimal(name), default);
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Publisher()), Minimal(name), default));
        using var client = host.RestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Tokens.Auditor());

        using var page = JsonDocument.Parse(await client.GetStringAsync($"{AuditPath}?serverName={Uri.EscapeDataString(name)}&limit=1"));
        using var export = await client.GetAsync($"{AuditPath}/export?serverName={Uri.EscapeDataString(name)}");
        using var refusedOnly = JsonDocument.Parse(await client.GetStringAsync($"{AuditPath}?serverName={Uri.EscapeDataString(name)}&outcome=refused"));
        using var bad = await client.GetAsync($"{AuditPath}?since=yesterday");

        var first = Assert.Single(page.RootElement.GetProperty("events").EnumerateArray());
        Assert.Equal(("succeeded", 200, "publish"),
            (first.GetProperty("outcome").GetString(), first.GetProperty("statusCode").GetInt32(), first.GetProperty("action").GetString()));
        Assert.Equal(first.GetProperty("id").GetInt64(), page.RootElement.GetProperty("metadata").GetProperty("nextAfter").GetInt64());
        Assert.Equal(AuditJsonLines.ContentType, export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["succeeded", "refused"], lines.Select(l => l.GetProperty("outcome").GetString()));
        Assert.Equal(400, Assert.Single(refusedOnly.RootElement.GetProperty("events").EnumerateArray()).GetProperty("statusCode").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
    }

    [Fact]
    public async Task AnEmptyPageStillCarriesItsEventsArray()
    {
        using var client = host.RestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.Tokens.Auditor());

        using var page = JsonDocument.Parse(await client.GetStringAsync($"{AuditPath}?actor=nobody-{Guid.NewGuid():N}"));

        Assert.Equal(0, page.RootElement.GetProperty("events").GetArrayLength());
    }
}
