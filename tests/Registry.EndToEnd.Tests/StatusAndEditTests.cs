using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

[Collection(RegistryAppCollection.Name)]
public class StatusAndEditTests(RegistryAppFixture registry)
{
    private readonly Publisher publisher = new(registry.Gateway);

    [Fact]
    public async Task DeprecatingAVersionKeepsItListedWithItsMessage()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        using var response = await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated", statusMessage = "Use 2.0" }, token);

        var official = Publisher.Official(JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
        Assert.Equal(("deprecated", "Use 2.0"), (official["status"]!.GetValue<string>(), official["statusMessage"]!.GetValue<string>()));
        var listed = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/1.0.0"))!;
        Assert.Equal("deprecated", Publisher.Official(listed)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletedVersionsAreHiddenUnlessIncludeDeletedAndLatestIsNotFoundOnceEveryVersionIsDeleted()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        var path = $"/v0.1/servers/{Uri.EscapeDataString(name)}";

        (await publisher.SetStatusAsync(name, "2.0.0", new { status = "deleted" }, token)).EnsureSuccessStatusCode();

        var visible = JsonNode.Parse(await registry.Gateway.GetStringAsync($"{path}/versions"))!["servers"]!.AsArray();
        var all = JsonNode.Parse(await registry.Gateway.GetStringAsync($"{path}/versions?include_deleted=true"))!["servers"]!.AsArray();
        Assert.Equal(["1.0.0"], visible.Select(v => v!["server"]!["version"]!.GetValue<string>()));
        Assert.Equal(2, all.Count);
        (await publisher.SetStatusAsync(name, "1.0.0", new { status = "deleted" }, token)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Gateway.GetAsync($"{path}/versions/latest")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await registry.Gateway.GetAsync($"{path}/versions/latest?include_deleted=true")).StatusCode);
    }

    [Fact]
    public async Task DeletingTheLatestMovesItToTheBestRemainingVersionAndRestoringItMovesItBack()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "1.1.0", "2.0.0");
        Assert.Equal("2.0.0", await LatestVersionAsync(name));

        using var deleted = await publisher.SetStatusAsync(name, "2.0.0", new { status = "deleted" }, token);

        Assert.False(Publisher.Official(JsonNode.Parse(await deleted.Content.ReadAsStringAsync())!)["isLatest"]!.GetValue<bool>());
        Assert.Equal("1.1.0", await LatestVersionAsync(name));
        Assert.Equal(["1.1.0"], await FlaggedLatestAsync(name));
        using var restored = await publisher.SetStatusAsync(name, "2.0.0", new { status = "active" }, token);
        Assert.True(Publisher.Official(JsonNode.Parse(await restored.Content.ReadAsStringAsync())!)["isLatest"]!.GetValue<bool>());
        Assert.Equal("2.0.0", await LatestVersionAsync(name));
        Assert.Equal(["2.0.0"], await FlaggedLatestAsync(name));
    }

    [Fact]
    public async Task DeletingEveryVersionAtOnceLeavesTheBestOfAllFlaggedLatest()
    {
        var (token, name) = await publisher.PublishNewServerAsync("2.0.0", "1.0.0");

        using var response = await publisher.SetStatusAsync(name, null, new { status = "deleted" }, token);

        var servers = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["servers"]!.AsArray();
        Assert.Equal([("1.0.0", false), ("2.0.0", true)],
            servers.Select(s => (s!["server"]!["version"]!.GetValue<string>(), Publisher.Official(s)["isLatest"]!.GetValue<bool>())).Order());
        Assert.Equal(["2.0.0"], await FlaggedLatestAsync(name));
    }

    [Fact]
    public async Task PublishingBelowADeletedLatestMakesTheNewVersionLatest()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        (await publisher.SetStatusAsync(name, "2.0.0", new { status = "deleted" }, token)).EnsureSuccessStatusCode();

        using var published = await publisher.PublishAsync(Publisher.NewServer("1.0.1", name), token);

        Assert.True(Publisher.Official(JsonNode.Parse(await published.Content.ReadAsStringAsync())!)["isLatest"]!.GetValue<bool>());
        Assert.Equal("1.0.1", await LatestVersionAsync(name));
    }

    [Fact]
    public async Task SimultaneousStatusChangesAndPublishesOfOneNameLeaveExactlyOneLatest()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        var writes = Enumerable.Range(1, 6).Select(i => publisher.PublishAsync(Publisher.NewServer($"1.{i}.0", name), token))
            .Concat(Enumerable.Range(0, 6).Select(i => publisher.SetStatusAsync(name, $"1.{i % 3}.0", new { status = i % 2 == 0 ? "deleted" : "active" }, token)))
            .Concat([publisher.SetStatusAsync(name, null, new { status = "deprecated" }, token)]);
        var responses = await Task.WhenAll(writes);

        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, r.StatusCode.ToString()));
        Assert.Single(await FlaggedLatestAsync(name));
    }

    private async Task<string> LatestVersionAsync(string name) =>
        JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest"))!["server"]!["version"]!.GetValue<string>();

    private async Task<string[]> FlaggedLatestAsync(string name) =>
        JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions?include_deleted=true"))!["servers"]!.AsArray()
            .Where(s => Publisher.Official(s!)["isLatest"]!.GetValue<bool>())
            .Select(s => s!["server"]!["version"]!.GetValue<string>())
            .ToArray();

    [Fact]
    public async Task RepeatingTheSameStatusIsABadRequestAndStatusChangedAtMovesOnlyOnAChange()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");
        using var first = await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated", statusMessage = "a" }, token);
        using var reworded = await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated", statusMessage = "b" }, token);
        using var same = await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated", statusMessage = "b" }, token);

        var before = Publisher.Official(JsonNode.Parse(await first.Content.ReadAsStringAsync())!);
        var after = Publisher.Official(JsonNode.Parse(await reworded.Content.ReadAsStringAsync())!);
        Assert.Equal(before["statusChangedAt"]!.GetValue<string>(), after["statusChangedAt"]!.GetValue<string>());
        Assert.NotEqual(before["updatedAt"]!.GetValue<string>(), after["updatedAt"]!.GetValue<string>());
        var problem = await ProblemAssert.IsProblemAsync(same, HttpStatusCode.BadRequest, "Bad Request");
        Assert.StartsWith("No changes to apply", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AMessageWithActiveIsABadRequestAndUnknownStatusesAreUnprocessable()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        using var activeWithMessage = await publisher.SetStatusAsync(name, "1.0.0", new { status = "active", statusMessage = "hi" }, token);
        using var unknown = await publisher.SetStatusAsync(name, "1.0.0", new { status = "retired" }, token);

        await ProblemAssert.IsProblemAsync(activeWithMessage, HttpStatusCode.BadRequest, "Bad Request");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
    }

    [Fact]
    public async Task AllVersionsChangeInOneRequest()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "1.1.0", "1.2.0");

        using var response = await publisher.SetStatusAsync(name, null, new { status = "deprecated", statusMessage = "Moved" }, token);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, body["updatedCount"]!.GetValue<int>());
        Assert.All(body["servers"]!.AsArray(), s => Assert.Equal("deprecated", Publisher.Official(s!)["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StatusChangesNeedATokenForTheNamespaceAndAnExistingVersion()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        using var anonymous = await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated" }, null);
        using var foreign = await publisher.SetStatusAsync("io.modelcontextprotocol.anonymous-not/x", "1.0.0", new { status = "deprecated" }, token);
        using var missingVersion = await publisher.SetStatusAsync(name, "9.9.9", new { status = "deprecated" }, token);
        using var missingServer = await publisher.SetStatusAsync(Publisher.NewServer()["name"]!.GetValue<string>(), null, new { status = "deprecated" }, token);

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized, "Unauthorized");
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.Forbidden, "Forbidden");
        await ProblemAssert.IsProblemAsync(missingVersion, HttpStatusCode.NotFound, "Not Found");
        await ProblemAssert.IsProblemAsync(missingServer, HttpStatusCode.NotFound, "Not Found");
    }

    [Fact]
    public async Task AnEditReplacesTheDocumentButNotThePublicationTime()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");
        var original = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/1.0.0"))!;
        var edited = Publisher.NewServer("1.0.0", name);
        edited["description"] = "Edited by an administrator";

        using var response = await publisher.EditAsync(name, "1.0.0", edited, token);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Edited by an administrator", body["server"]!["description"]!.GetValue<string>());
        Assert.Equal(Publisher.Official(original)["publishedAt"]!.GetValue<string>(), Publisher.Official(body)["publishedAt"]!.GetValue<string>());
        var reread = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/1.0.0"))!;
        Assert.Equal("Edited by an administrator", reread["server"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task EditsMustMatchThePathAndTargetAnExistingVersion()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        using var mismatch = await publisher.EditAsync(name, "1.0.0", Publisher.NewServer("1.0.1", name), token);
        using var missing = await publisher.EditAsync(name, "3.0.0", Publisher.NewServer("3.0.0", name), token);
        using var unauthenticated = await publisher.EditAsync(name, "1.0.0", Publisher.NewServer("1.0.0", name), null);

        await ProblemAssert.IsProblemAsync(mismatch, HttpStatusCode.BadRequest, "Bad Request");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "Not Found");
        await ProblemAssert.IsProblemAsync(unauthenticated, HttpStatusCode.Unauthorized, "Unauthorized");
    }
}
