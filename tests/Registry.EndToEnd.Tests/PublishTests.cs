using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

[Collection(RegistryAppCollection.Name)]
public class PublishTests(RegistryAppFixture registry)
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private readonly Publisher publisher = new(registry.Gateway);

    [Fact]
    public async Task EveryValidExamplePublishesAndReadsBackFieldForField()
    {
        var token = await publisher.AnonymousTokenAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        foreach (var (example, index) in SampleSeed.Documents().Select((d, i) => (d.AsObject(), i)))
        {
            var document = (JsonObject)example.DeepClone();
            document["name"] = $"{Publisher.AnonymousNamespace}/e2e-{run}-{index}";
            foreach (var remote in (document["remotes"] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                remote["url"] = remote["url"]!.GetValue<string>().Replace("://", $"://r{run}{index}.");
            }

            using var response = await publisher.PublishAsync(document, token);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{document["name"]}: {(int)response.StatusCode} {text}");

            var stored = JsonNode.Parse(text)!;
            var read = JsonNode.Parse(await registry.Gateway.GetStringAsync(
                $"/v0.1/servers/{Uri.EscapeDataString(document["name"]!.GetValue<string>())}/versions/{Uri.EscapeDataString(document["version"]!.GetValue<string>())}"))!;
            Assert.True(JsonNode.DeepEquals(document, read["server"]), $"read back differs: {read["server"]!.ToJsonString()}");
            Assert.True(JsonNode.DeepEquals(stored, read));
            Assert.True(read["_meta"]![OfficialKey]!["isLatest"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("bad-name-pattern.json")]
    [InlineData("description-too-long.json")]
    [InlineData("missing-name.json")]
    [InlineData("package-version-latest.json")]
    [InlineData("positional-argument-missing-value.json")]
    public async Task EveryInvalidExampleIsRefusedAndNothingIsStored(string file)
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = JsonNode.Parse(await File.ReadAllTextAsync(InvalidExamples.Path(file)))!.AsObject();
        document["$schema"] = Publisher.CurrentSchema;
        var before = await CountAllAsync();

        using var response = await publisher.PublishAsync(document, token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(before, await CountAllAsync());
    }

    [Fact]
    public async Task AWriteIsVisibleToReadsAsSoonAsItAnswers()
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = Publisher.NewServer();
        var name = Uri.EscapeDataString(document["name"]!.GetValue<string>());

        using var published = await publisher.PublishAsync(document, token);
        published.EnsureSuccessStatusCode();
        var list = await registry.Gateway.GetStringAsync($"/v0.1/servers?search={name[^12..]}");

        Assert.Contains(document["name"]!.GetValue<string>(), list);
        Assert.Equal(HttpStatusCode.OK, (await registry.Gateway.GetAsync($"/v0.1/servers/{name}/versions/latest")).StatusCode);
    }

    [Fact]
    public async Task PublishingTheSameVersionTwiceIsABadRequest()
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = Publisher.NewServer();
        (await publisher.PublishAsync(document, token)).EnsureSuccessStatusCode();

        using var again = await publisher.PublishAsync(document, token);

        var problem = await ProblemAssert.IsProblemAsync(again, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Equal("Failed to publish server", problem.GetProperty("detail").GetString());
        Assert.Contains("duplicate version", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task TwentySimultaneousPublishesOfOneVersionGiveExactlyOneSuccess()
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = Publisher.NewServer();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => publisher.PublishAsync(document, token)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task SimultaneousPublishesOfDifferentVersionsLeaveTheGreatestLatest()
    {
        var token = await publisher.AnonymousTokenAsync();
        var name = Publisher.NewServer()["name"]!.GetValue<string>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => publisher.PublishAsync(Publisher.NewServer($"2.{i}.0", name), token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var versions = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions"))!["servers"]!.AsArray();
        Assert.Equal(20, versions.Count);
        var latest = Assert.Single(versions, v => v!["_meta"]![OfficialKey]!["isLatest"]!.GetValue<bool>());
        Assert.Equal("2.19.0", latest!["server"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnOlderVersionPublishedLaterDoesNotTakeLatest()
    {
        var token = await publisher.AnonymousTokenAsync();
        var name = Publisher.NewServer()["name"]!.GetValue<string>();
        (await publisher.PublishAsync(Publisher.NewServer("2.0.0", name), token)).EnsureSuccessStatusCode();

        using var older = await publisher.PublishAsync(Publisher.NewServer("1.0.1", name), token);

        var body = JsonNode.Parse(await older.Content.ReadAsStringAsync())!;
        Assert.False(body["_meta"]![OfficialKey]!["isLatest"]!.GetValue<bool>());
        var latest = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest"))!;
        Assert.Equal("2.0.0", latest["server"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task AForeignNamespaceIsForbiddenAndNamesWhatTheTokenMayDo()
    {
        var token = await publisher.AnonymousTokenAsync();

        using var response = await publisher.PublishAsync(Publisher.NewServer(name: "com.example/not-mine"), token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, "Forbidden");
        Assert.Contains("io.modelcontextprotocol.anonymous/*", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-jwt")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJleHAiOjk5OTk5OTk5OTl9.")]
    public async Task MissingOrBadTokensAreUnauthorized(string? token)
    {
        using var response = await publisher.PublishAsync(Publisher.NewServer(), token);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "Unauthorized");
    }

    [Fact]
    public async Task ASchemaValidDocumentBreakingASemanticRuleIsUnprocessable()
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = Publisher.NewServer();
        document["websiteUrl"] = "http://plain-http.example.com";

        using var response = await publisher.PublishAsync(document, token);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
        Assert.StartsWith("Failed to publish server, invalid schema", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task OnlyThePublisherProvidedMetaIsKeptAndItIsCapped()
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = Publisher.NewServer();
        document["_meta"] = new JsonObject
        {
            ["io.modelcontextprotocol.registry/publisher-provided"] = new JsonObject { ["tool"] = "e2e" },
            ["com.example/other"] = new JsonObject { ["x"] = 1 },
            [OfficialKey] = new JsonObject { ["isLatest"] = false },
        };
        var oversized = Publisher.NewServer();
        oversized["_meta"] = new JsonObject { ["io.modelcontextprotocol.registry/publisher-provided"] = new JsonObject { ["blob"] = new string('x', 5000) } };

        using var kept = await publisher.PublishAsync(document, token);
        using var refused = await publisher.PublishAsync(oversized, token);

        var body = JsonNode.Parse(await kept.Content.ReadAsStringAsync())!;
        Assert.Equal(["io.modelcontextprotocol.registry/publisher-provided"], body["server"]!["_meta"]!.AsObject().Select(p => p.Key));
        Assert.True(body["_meta"]![OfficialKey]!["isLatest"]!.GetValue<bool>());
        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest, "Bad Request");
    }

    [Fact]
    public async Task ValidateReportsIssuesWithoutStoringAnything()
    {
        var document = Publisher.NewServer();
        document["version"] = "^1.0.0";

        using var response = await publisher.SendAsync(HttpMethod.Post, "/v0/validate", document.ToJsonString(), null);
        using var valid = await publisher.SendAsync(HttpMethod.Post, "/v0.1/validate", Publisher.NewServer().ToJsonString(), null);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(body["valid"]!.GetValue<bool>());
        var issue = body["issues"]!.AsArray().First(i => i!["path"]!.GetValue<string>() == "version")!;
        Assert.Equal(["type", "path", "message", "severity", "reference"], issue.AsObject().Select(p => p.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Gateway.GetAsync(
            $"/v0.1/servers/{Uri.EscapeDataString(document["name"]!.GetValue<string>())}/versions")).StatusCode);
        var validBody = JsonNode.Parse(await valid.Content.ReadAsStringAsync())!;
        Assert.True(validBody["valid"]!.GetValue<bool>());
        Assert.Empty(validBody["issues"]!.AsArray());
    }

    private async Task<int> CountAllAsync()
    {
        var body = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0.1/servers?updated_since=2000-01-01T00:00:00Z&limit=100"))!;
        var count = body["metadata"]!["count"]!.GetValue<int>();
        var cursor = body["metadata"]!["nextCursor"]?.GetValue<string>();
        while (cursor is not null)
        {
            body = JsonNode.Parse(await registry.Gateway.GetStringAsync(
                $"/v0.1/servers?updated_since=2000-01-01T00:00:00Z&limit=100&cursor={Uri.EscapeDataString(cursor)}"))!;
            count += body["metadata"]!["count"]!.GetValue<int>();
            cursor = body["metadata"]!["nextCursor"]?.GetValue<string>();
        }

        return count;
    }
}
