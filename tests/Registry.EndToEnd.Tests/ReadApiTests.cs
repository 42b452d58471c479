using System.Net;
using System.Text.Json;

namespace Registry.EndToEnd.Tests;

[Collection(RegistryAppCollection.Name)]
public class ReadApiTests(RegistryAppFixture registry)
{
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";
    private const string TwoVersionServer = "io.github.joelverhagen%2Fknapcode-samplemcpserver";

    [Fact]
    public async Task PagingWithNextCursorReturnsEverySeededVersionOnceInNameThenVersionOrder()
    {
        var seen = new List<(string, string)>();
        string? cursor = null;
        for (var page = 0; page < 500; page++)
        {
            var url = "/v0.1/servers?limit=10" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var body = await GetJsonAsync(url);
            var servers = body.RootElement.GetProperty("servers").EnumerateArray().ToList();
            Assert.Equal(servers.Count, body.RootElement.GetProperty("metadata").GetProperty("count").GetInt32());
            seen.AddRange(servers.Select(s => (Name(s), Version(s))));
            cursor = body.RootElement.GetProperty("metadata").TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
            if (cursor is null)
            {
                break;
            }
        }

        // Other tests publish into the same registry; the seeded versions must all appear, once, in order.
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.OrderBy(v => v.Item1, StringComparer.Ordinal).ThenBy(v => v.Item2, StringComparer.Ordinal), seen);
        var seeded = SampleSeed.Versions().ToHashSet();
        var expected = SampleSeed.Versions()
            .OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Version, StringComparer.Ordinal).ToList();
        Assert.Equal(expected, seen.Where(seeded.Contains));
    }

    [Fact]
    public async Task ListEntriesHaveTheOfficialShape()
    {
        using var body = await GetJsonAsync("/v0.1/servers?limit=5");

        var metadata = body.RootElement.GetProperty("metadata");
        Assert.Equal(5, metadata.GetProperty("count").GetInt32());
        Assert.Contains(":", metadata.GetProperty("nextCursor").GetString());
        foreach (var entry in body.RootElement.GetProperty("servers").EnumerateArray())
        {
            Assert.Equal(["server", "_meta"], entry.EnumerateObject().Select(p => p.Name));
            var server = entry.GetProperty("server");
            Assert.StartsWith("https://static.modelcontextprotocol.io/schemas/", server.GetProperty("$schema").GetString());
            Assert.False(server.TryGetProperty("_meta", out var meta) && meta.TryGetProperty(OfficialKey, out _));
            var official = entry.GetProperty("_meta").GetProperty(OfficialKey);
            Assert.Equal("active", official.GetProperty("status").GetString());
            Assert.True(official.GetProperty("isLatest").ValueKind is JsonValueKind.True or JsonValueKind.False);
            foreach (var timestamp in new[] { "publishedAt", "updatedAt", "statusChangedAt" })
            {
                Assert.True(DateTimeOffset.TryParse(official.GetProperty(timestamp).GetString(), out _), timestamp);
            }
        }
    }

    [Fact]
    public async Task AbsentFieldsAreOmittedAndPublisherMetaIsKept()
    {
        using var body = await GetJsonAsync("/v0.1/servers/io.modelcontextprotocol.anonymous%2Fbrave-search/versions/1.0.2");

        var server = body.RootElement.GetProperty("server");
        Assert.False(server.TryGetProperty("remotes", out _));
        Assert.False(server.TryGetProperty("icons", out _));
        Assert.True(server.GetProperty("_meta").TryGetProperty("io.modelcontextprotocol.registry/publisher-provided", out _));
        Assert.False(body.RootElement.GetProperty("_meta").GetProperty(OfficialKey).TryGetProperty("statusMessage", out _));
    }

    [Fact]
    public async Task AnEncodedNameListsItsVersionsNewestPublicationFirst()
    {
        using var body = await GetJsonAsync($"/v0.1/servers/{TwoVersionServer}/versions");

        var servers = body.RootElement.GetProperty("servers").EnumerateArray().ToList();
        Assert.Equal(2, servers.Count);
        Assert.All(servers, s => Assert.Equal("io.github.joelverhagen/knapcode-samplemcpserver", Name(s)));
        Assert.False(body.RootElement.GetProperty("metadata").TryGetProperty("nextCursor", out _));
    }

    [Fact]
    public async Task LatestNamesTheGreatestVersionAndAnOlderVersionIsNotLatest()
    {
        using var latest = await GetJsonAsync($"/v0/servers/{TwoVersionServer}/versions/latest");
        using var older = await GetJsonAsync($"/v0/servers/{TwoVersionServer}/versions/0.4.0-beta");

        Assert.Equal("0.5.0", Version(latest.RootElement));
        Assert.True(latest.RootElement.GetProperty("_meta").GetProperty(OfficialKey).GetProperty("isLatest").GetBoolean());
        Assert.Equal("0.4.0-beta", Version(older.RootElement));
        Assert.False(older.RootElement.GetProperty("_meta").GetProperty(OfficialKey).GetProperty("isLatest").GetBoolean());
    }

    [Fact]
    public async Task VersionLatestListsOneVersionPerName()
    {
        var latest = await ReadAllPagesAsync("/v0.1/servers?version=latest&limit=7");

        var names = latest.Select(v => v.Name).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Subset(names.ToHashSet(), SampleSeed.Versions().Select(v => v.Name).ToHashSet());
        Assert.Contains(("io.github.joelverhagen/knapcode-samplemcpserver", "0.5.0"), latest);
    }

    [Fact]
    public async Task SearchMatchesPartOfTheNameIgnoringCase()
    {
        using var body = await GetJsonAsync("/v0.1/servers?search=KNAPCODE");

        Assert.Equal(2, body.RootElement.GetProperty("metadata").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task SearchAlsoMatchesPartOfTheDescription()
    {
        // Only the knapcode server's description says this; a space can be part of a term.
        using var body = await GetJsonAsync("/v0.1/servers?search=Random%20NUMBER");

        Assert.Equal(
            [("io.github.joelverhagen/knapcode-samplemcpserver", "0.4.0-beta"), ("io.github.joelverhagen/knapcode-samplemcpserver", "0.5.0")],
            body.RootElement.GetProperty("servers").EnumerateArray().Select(s => (Name(s), Version(s))));
    }

    [Fact]
    public async Task ANoMatchListStillHasAnEmptyServersArray()
    {
        using var body = await GetJsonAsync("/v0.1/servers?search=no-such-server-anywhere");

        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("servers").ValueKind);
        Assert.Equal(0, body.RootElement.GetProperty("servers").GetArrayLength());
        Assert.Equal(0, body.RootElement.GetProperty("metadata").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task BothApiPrefixesAnswerTheSame()
    {
        var v0 = await registry.Gateway.GetStringAsync("/v0/servers?limit=3");
        var v01 = await registry.Gateway.GetStringAsync("/v0.1/servers?limit=3");

        Assert.Equal(v0, v01);
    }

    [Fact]
    public async Task LimitZeroIsAValidationProblem()
    {
        using var response = await registry.Gateway.GetAsync("/v0.1/servers?limit=0");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Unprocessable Entity");
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("query.limit", error.GetProperty("location").GetString());
    }

    [Fact]
    public async Task MalformedUpdatedSinceIsABadRequestProblem()
    {
        using var response = await registry.Gateway.GetAsync("/v0.1/servers?updated_since=last-tuesday");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request");
        Assert.Contains("updated_since", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task UpdatedSinceReturnsVersionsChangedAfterIt()
    {
        var updated = (await ReadAllPagesAsync("/v0.1/servers?updated_since=2000-01-01T00:00:00Z&limit=50")).ToHashSet();
        using var none = await GetJsonAsync("/v0.1/servers?updated_since=2999-01-01T00:00:00Z");

        Assert.Subset(updated, SampleSeed.Versions().ToHashSet());
        Assert.Equal(0, none.RootElement.GetProperty("metadata").GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("/v0.1/servers/com.example%2Fmissing/versions")]
    [InlineData("/v0.1/servers/com.example%2Fmissing/versions/latest")]
    [InlineData("/v0.1/servers/" + TwoVersionServer + "/versions/9.9.9")]
    public async Task UnknownServersAreNotFoundProblems(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "Not Found");
        Assert.Equal("Server not found", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/servers")]
    [InlineData("/v0.1/no-such-route")]
    [InlineData("/v2/servers")]
    public async Task UnknownPathsAreNotFoundProblems(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "Not Found");
    }

    private async Task<List<(string Name, string Version)>> ReadAllPagesAsync(string firstPage)
    {
        var versions = new List<(string, string)>();
        string? cursor = null;
        do
        {
            using var body = await GetJsonAsync(cursor is null ? firstPage : $"{firstPage}&cursor={Uri.EscapeDataString(cursor)}");
            versions.AddRange(body.RootElement.GetProperty("servers").EnumerateArray().Select(s => (Name(s), Version(s))));
            cursor = body.RootElement.GetProperty("metadata").TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);
        return versions;
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text);
    }

    private static string Name(JsonElement entry) => entry.GetProperty("server").GetProperty("name").GetString()!;

    private static string Version(JsonElement entry) => entry.GetProperty("server").GetProperty("version").GetString()!;
}
