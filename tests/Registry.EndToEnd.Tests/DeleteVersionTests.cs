using System.Net;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

/// <summary>DELETE on a version (the generic API's optional route): a soft delete, as the status route's <c>deleted</c>.</summary>
[Collection(RegistryAppCollection.Name)]
public class DeleteVersionTests(RegistryAppFixture registry)
{
    private readonly Publisher publisher = new(registry.Gateway);

    private async Task<string[]> ListedVersionsAsync(string name, bool includeDeleted) =>
        JsonNode.Parse(await registry.Gateway.GetStringAsync(
                $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions{(includeDeleted ? "?include_deleted=true" : "")}"))!["servers"]!.AsArray()
            .Select(s => s!["server"]!["version"]!.GetValue<string>())
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Theory]
    [InlineData("/v0")]
    [InlineData("/v0.1")]
    public async Task DeleteAnswersTheVersionAsDeletedAndHidesItFromDefaultReads(string prefix)
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        Assert.Equal(["1.0.0", "2.0.0"], await ListedVersionsAsync(name, includeDeleted: false));

        using var response = await publisher.DeleteAsync(name, "2.0.0", token, prefix);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("2.0.0", "deleted", false),
            (body["server"]!["version"]!.GetValue<string>(), Publisher.Official(body)["status"]!.GetValue<string>(), Publisher.Official(body)["isLatest"]!.GetValue<bool>()));
        Assert.Equal(["1.0.0"], await ListedVersionsAsync(name, includeDeleted: false));
        Assert.Equal(["1.0.0", "2.0.0"], await ListedVersionsAsync(name, includeDeleted: true));
        var path = $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions";
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Gateway.GetAsync($"{path}/2.0.0")).StatusCode);
        Assert.Equal("deleted", Publisher.Official(JsonNode.Parse(await registry.Gateway.GetStringAsync($"{path}/2.0.0?include_deleted=true"))!)["status"]!.GetValue<string>());
        Assert.Equal("1.0.0", JsonNode.Parse(await registry.Gateway.GetStringAsync($"{path}/latest"))!["server"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingAnAlreadyDeletedVersionAnswersAsTheStatusRouteDoesWhenNothingChanges()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");
        (await publisher.DeleteAsync(name, "1.0.0", token)).EnsureSuccessStatusCode();

        using var again = await publisher.DeleteAsync(name, "1.0.0", token);

        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Equal("No changes to apply: status is already deleted", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task DeleteNeedsATokenForTheNamespaceAndAnExistingVersion()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");

        using var anonymous = await publisher.DeleteAsync(name, "1.0.0", null);
        using var foreign = await publisher.DeleteAsync("io.modelcontextprotocol.anonymous-not/x", "1.0.0", token);
        using var missingVersion = await publisher.DeleteAsync(name, "9.9.9", token);

        await ProblemAssert.IsProblemAsync(anonymous, HttpStatusCode.Unauthorized, "Unauthorized");
        await ProblemAssert.IsProblemAsync(foreign, HttpStatusCode.Forbidden, "Forbidden");
        var notFound = await ProblemAssert.IsProblemAsync(missingVersion, HttpStatusCode.NotFound, "Not Found");
        Assert.Equal("Server version not found", notFound.GetProperty("detail").GetString());
        Assert.Equal(["1.0.0"], await ListedVersionsAsync(name, includeDeleted: false));
    }

    [Fact]
    public async Task ADeletedVersionCannotBePublishedAgain()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0");
        (await publisher.DeleteAsync(name, "1.0.0", token)).EnsureSuccessStatusCode();

        using var again = await publisher.PublishAsync(Publisher.NewServer("1.0.0", name), token);

        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Contains("duplicate version", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task ACrossOriginDeleteIsAllowedByThePreflight()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/v0.1/servers/io.github.a%2Fb/versions/1.0.0");
        preflight.Headers.Add("Origin", "https://app.example");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization");

        using var response = await registry.Gateway.SendAsync(preflight);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("DELETE", string.Join(",", response.Headers.GetValues("Access-Control-Allow-Methods")));
    }
}
