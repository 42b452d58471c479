using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// The request sequences of the programs that really call a registry, replayed through the gateway as they send them,
/// checking every field each one reads: ToolHive's source validation and full paging, VS Code's gallery (probe,
/// latest list, search and its cursor-only next page, detail), GitHub Copilot's CORS preflight and reads, and the
/// official mcp-publisher's login, validate, publish, status and include_deleted reads.
/// </summary>
[Collection(RegistryAppCollection.Name)]
public class ClientReplayTests(RegistryAppFixture registry)
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private readonly Publisher publisher = new(registry.Gateway);

    [Fact]
    public async Task ToolHiveValidatesTheSourceAndPagesTheWholeCatalog()
    {
        var names = await PublishNamesAsync("toolhive", count: 25, versionsEach: 5);

        var document = await registry.Gateway.GetStringAsync("/openapi.yaml");
        Assert.Contains("\n  version: 1.0.0\n", document);
        Assert.Contains("https://github.com/modelcontextprotocol/registry", document.Split("\npaths:")[0]);

        var seen = new List<(string Name, string Version)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var path = "/v0.1/servers?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = JsonNode.Parse(await registry.Gateway.GetStringAsync(path))!;
            foreach (var entry in page["servers"]!.AsArray())
            {
                var server = entry!["server"]!;
                seen.Add((server["name"]!.GetValue<string>(), server["version"]!.GetValue<string>()));
            }

            cursor = page["metadata"]?["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 1000);

        Assert.True(pages >= 2, "125 new versions fill more than one page of 100");
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(names, name => Assert.Equal(5, seen.Count(s => s.Name == name)));
    }

    [Fact]
    public async Task VsCodeProbesListsSearchesAcrossPagesWithTheCursorAloneAndReadsADetail()
    {
        var token = "vscode" + Guid.NewGuid().ToString("N")[..10];
        var names = await PublishNamesAsync(token, count: 60, versionsEach: 1);

        using var probe = await registry.Gateway.GetAsync("/v0.1/servers?limit=1");
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);

        var latest = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0.1/servers?limit=50&version=latest"))!;
        AssertGalleryPage(latest);

        var first = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers?limit=50&version=latest&search={Uri.EscapeDataString(token)}"))!;
        AssertGalleryPage(first);
        var cursor = first["metadata"]!["nextCursor"]!.GetValue<string>();
        // VS Code appends the cursor as it came, without encoding it, and leaves the search term out.
        var second = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers?limit=50&version=latest&cursor={cursor}"))!;
        AssertGalleryPage(second);

        var found = first["servers"]!.AsArray().Concat(second["servers"]!.AsArray()).Select(e => e!["server"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(50, first["metadata"]!["count"]!.GetValue<int>());
        Assert.Equal(names.Order(StringComparer.Ordinal), found);
        Assert.Null(second["metadata"]!["nextCursor"]);

        var detail = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(names[0])}/versions/latest"))!;
        Assert.Equal(names[0], detail["server"]!["name"]!.GetValue<string>());
        AssertOfficialMeta(detail);
        using var missing = await registry.Gateway.GetAsync($"/v0.1/servers/{Uri.EscapeDataString("io.github.nobody/" + token)}/versions/latest");
        Assert.InRange((int)missing.StatusCode, 400, 499);
    }

    [Fact]
    public async Task CopilotPreflightsAndReadsTheThreeRoutesFromAnotherOrigin()
    {
        var name = (await PublishNamesAsync("copilot", count: 1, versionsEach: 1))[0];
        string[] routes =
        [
            "/v0.1/servers?limit=5",
            $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions",
            $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest",
        ];

        foreach (var route in routes)
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, route);
            preflight.Headers.Add("Origin", "https://copilot.client.example");
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
            using var allowed = await registry.Gateway.SendAsync(preflight);

            Assert.True(allowed.IsSuccessStatusCode, $"preflight of {route}: {(int)allowed.StatusCode}");
            Assert.Equal("*", Single(allowed, "Access-Control-Allow-Origin"));
            Assert.Contains("GET", Single(allowed, "Access-Control-Allow-Methods").Split(',', StringSplitOptions.TrimEntries));
            var headers = Single(allowed, "Access-Control-Allow-Headers").Split(',', StringSplitOptions.TrimEntries);
            Assert.Contains(headers, h => h.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(headers, h => h.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));

            using var read = new HttpRequestMessage(HttpMethod.Get, route);
            read.Headers.Add("Origin", "https://copilot.client.example");
            using var answer = await registry.Gateway.SendAsync(read);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("*", Single(answer, "Access-Control-Allow-Origin"));
        }
    }

    [Fact]
    public async Task McpPublisherLogsInValidatesPublishesChangesStatusAndReadsDeletedVersions()
    {
        var health = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0/health"))!;
        Assert.Equal("ok", health["status"]!.GetValue<string>());

        using var login = await registry.Gateway.PostAsync("/v0/auth/none", new StringContent("", Encoding.UTF8, "application/json"));
        var grant = JsonNode.Parse(await login.Content.ReadAsStringAsync())!;
        var token = grant["registry_token"]!.GetValue<string>();
        Assert.True(grant["expires_at"]!.GetValue<long>() > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        var document = Publisher.NewServer("1.0.0");
        var name = document["name"]!.GetValue<string>();
        var encoded = Uri.EscapeDataString(name);
        var validation = JsonNode.Parse(await (await Send(HttpMethod.Post, "/v0/validate", document.ToJsonString(), null)).Content.ReadAsStringAsync())!;
        Assert.True(validation["valid"]!.GetValue<bool>());
        Assert.Empty(validation["issues"]!.AsArray());

        using var published = await Send(HttpMethod.Post, "/v0/publish", document.ToJsonString(), token);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        (await Send(HttpMethod.Post, "/v0/publish", Publisher.NewServer("1.1.0", name).ToJsonString(), token)).EnsureSuccessStatusCode();

        using var deprecated = await Send(HttpMethod.Patch, $"/v0/servers/{encoded}/versions/1.0.0/status", """{"status":"deprecated","statusMessage":"Use 1.1.0"}""", token);
        var deprecatedMeta = JsonNode.Parse(await deprecated.Content.ReadAsStringAsync())!["_meta"]![OfficialKey]!;
        Assert.Equal("deprecated", deprecatedMeta["status"]!.GetValue<string>());
        Assert.Equal("Use 1.1.0", deprecatedMeta["statusMessage"]!.GetValue<string>());

        using var deleted = await Send(HttpMethod.Patch, $"/v0/servers/{encoded}/status", """{"status":"deleted","statusMessage":"Withdrawn"}""", token);
        var all = JsonNode.Parse(await deleted.Content.ReadAsStringAsync())!;
        Assert.Equal(2, all["updatedCount"]!.GetValue<int>());

        var versions = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{encoded}/versions?include_deleted=true"))!;
        Assert.Equal(["1.1.0", "1.0.0"], versions["servers"]!.AsArray().Select(e => e!["server"]!["version"]!.GetValue<string>()));
        Assert.All(versions["servers"]!.AsArray(), e => Assert.Equal("deleted", e!["_meta"]![OfficialKey]!["status"]!.GetValue<string>()));
        var one = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/servers/{encoded}/versions/1.0.0?include_deleted=true"))!;
        Assert.Equal("Withdrawn", one["_meta"]![OfficialKey]!["statusMessage"]!.GetValue<string>());
        using var hidden = await registry.Gateway.GetAsync($"/v0/servers/{encoded}/versions/1.0.0");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }

    /// <summary>What VS Code's gallery reads of every entry, none of it null-checked.</summary>
    private static void AssertGalleryPage(JsonNode page)
    {
        Assert.NotNull(page["metadata"]!["count"]);
        foreach (var entry in page["servers"]!.AsArray())
        {
            var server = entry!["server"]!;
            Assert.NotNull(server["name"]);
            Assert.NotNull(server["description"]);
            Assert.NotNull(server["version"]);
            AssertOfficialMeta(entry);
            Assert.True(entry["_meta"]![OfficialKey]!["isLatest"]!.GetValue<bool>());
        }
    }

    private static void AssertOfficialMeta(JsonNode entry)
    {
        var official = entry["_meta"]![OfficialKey]!;
        Assert.Contains(official["status"]!.GetValue<string>(), new[] { "active", "deprecated", "deleted" });
        Assert.NotNull(official["isLatest"]);
        Assert.True(DateTimeOffset.TryParse(official["publishedAt"]!.GetValue<string>(), out _));
        Assert.True(DateTimeOffset.TryParse(official["updatedAt"]!.GetValue<string>(), out _));
    }

    /// <summary>New names containing <paramref name="tag"/>, each with its versions, published a few at a time.</summary>
    private async Task<List<string>> PublishNamesAsync(string tag, int count, int versionsEach)
    {
        var token = await publisher.AnonymousTokenAsync();
        var names = Enumerable.Range(0, count).Select(_ => $"{Publisher.AnonymousNamespace}/{tag}-{Guid.NewGuid():N}").ToList();
        foreach (var batch in names.Chunk(8))
        {
            await Task.WhenAll(batch.Select(async name =>
            {
                for (var v = 1; v <= versionsEach; v++)
                {
                    using var response = await publisher.PublishAsync(Publisher.NewServer($"{v}.0.0", name), token);
                    response.EnsureSuccessStatusCode();
                }
            }));
        }

        return names;
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string body, string? token)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await registry.Gateway.SendAsync(request);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(",", values) : "";
}
