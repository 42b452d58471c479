using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Registry.EndToEnd.Tests;

/// <summary>Repeated reads come from the cache, and no read after a successful write is stale, on any gateway.</summary>
[Collection(RegistryAppCollection.Name)]
public class ResponseCacheTests(RegistryAppFixture registry)
{
    private const string CacheHeader = "X-Registry-Cache";
    private readonly Publisher publisher = new(registry.Gateway);

    [Fact]
    public async Task ARepeatedReadIsAHitAndAWriteIsVisibleAtOnce()
    {
        var token = await publisher.AnonymousTokenAsync();
        var first = Publisher.NewServer("1.0.0");
        var name = (string)first["name"]!;
        (await publisher.PublishAsync(first, token)).EnsureSuccessStatusCode();
        var latest = $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest";
        var search = $"/v0.1/servers?search={Uri.EscapeDataString(name)}";

        await ReadAsync(registry.Gateway, latest);
        Assert.Equal("hit", (await ReadAsync(registry.Gateway, latest)).Cache);
        await ReadAsync(registry.Gateway, search);
        Assert.Equal("hit", (await ReadAsync(registry.Gateway, search)).Cache);

        (await publisher.PublishAsync(Publisher.NewServer("2.0.0", name), token)).EnsureSuccessStatusCode();

        Assert.Equal("2.0.0", (await ReadAsync(registry.Gateway, latest)).Body.GetProperty("server").GetProperty("version").GetString());
        var listed = (await ReadAsync(registry.Gateway, search)).Body.GetProperty("servers").EnumerateArray()
            .Select(s => s.GetProperty("server").GetProperty("version").GetString()).Order().ToList();
        Assert.Equal(["1.0.0", "2.0.0"], listed);
    }

    [Fact]
    public async Task StatusChangesAndEditsAreVisibleAtOnce()
    {
        var token = await publisher.AnonymousTokenAsync();
        var server = Publisher.NewServer("1.0.0");
        var name = (string)server["name"]!;
        (await publisher.PublishAsync(server, token)).EnsureSuccessStatusCode();
        var version = $"/v0/servers/{Uri.EscapeDataString(name)}/versions/1.0.0";
        var versions = $"/v0/servers/{Uri.EscapeDataString(name)}/versions";
        await ReadAsync(registry.Gateway, version);
        await ReadAsync(registry.Gateway, versions);

        (await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated", statusMessage = "use 2" }, token)).EnsureSuccessStatusCode();
        Assert.Equal("deprecated", Official((await ReadAsync(registry.Gateway, version)).Body).GetProperty("status").GetString());
        Assert.Equal("deprecated", Official((await ReadAsync(registry.Gateway, versions)).Body.GetProperty("servers")[0]).GetProperty("status").GetString());

        server["description"] = "Edited description";
        (await publisher.EditAsync(name, "1.0.0", server, token)).EnsureSuccessStatusCode();
        Assert.Equal("Edited description", (await ReadAsync(registry.Gateway, version)).Body.GetProperty("server").GetProperty("description").GetString());
    }

    [Fact]
    public async Task AWriteThroughOneGatewayIsVisibleThroughAnotherAtOnce()
    {
        await using var second = await ExtraGateway.StartAsync(registry.App);
        var token = await publisher.AnonymousTokenAsync();
        var server = Publisher.NewServer("1.0.0");
        var name = (string)server["name"]!;
        (await publisher.PublishAsync(server, token)).EnsureSuccessStatusCode();
        var latest = $"/v0/servers/{Uri.EscapeDataString(name)}/versions/latest";
        var page = "/v0/servers?limit=100";

        await ReadAsync(second.Client, latest);
        await ReadAsync(second.Client, page);
        Assert.Equal("hit", (await ReadAsync(second.Client, latest)).Cache);
        Assert.Equal("hit", (await ReadAsync(second.Client, page)).Cache);

        for (var major = 2; major <= 4; major++)
        {
            var written = await new Publisher(major % 2 == 0 ? registry.Gateway : second.Client)
                .PublishAsync(Publisher.NewServer($"{major}.0.0", name), token);
            written.EnsureSuccessStatusCode();
            foreach (var gateway in new[] { second.Client, registry.Gateway })
            {
                var read = await ReadAsync(gateway, latest);
                Assert.Equal($"{major}.0.0", read.Body.GetProperty("server").GetProperty("version").GetString());
            }
        }
    }

    [Fact]
    public async Task ListPagesAreInvalidatedByAnyWrite()
    {
        var token = await publisher.AnonymousTokenAsync();
        const string page = "/v0.1/servers?limit=100&version=latest";
        var before = await AllPagesAsync(page);

        var server = Publisher.NewServer("1.0.0");
        (await publisher.PublishAsync(server, token)).EnsureSuccessStatusCode();

        var after = await AllPagesAsync(page);
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains((string)server["name"]!, after);
    }

    private async Task<List<string>> AllPagesAsync(string firstPage)
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var body = (await ReadAsync(registry.Gateway, cursor is null ? firstPage : $"{firstPage}&cursor={Uri.EscapeDataString(cursor)}")).Body;
            names.AddRange(body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("server").GetProperty("name").GetString()!));
            cursor = body.GetProperty("metadata").TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);
        return names;
    }

    private static JsonElement Official(JsonElement response) =>
        response.GetProperty("_meta").GetProperty("io.modelcontextprotocol.registry/official");

    internal static async Task<(JsonElement Body, string? Cache)> ReadAsync(HttpClient gateway, string path)
    {
        using var response = await gateway.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.TryGetValues(CacheHeader, out var values) ? values.Single() : null;
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), cache);
    }
}
