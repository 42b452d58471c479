using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Input no client should send, sent through the gateway: each kind gets its 4xx in the official problem shape, and
/// nothing is stored. The last test sweeps odd requests over every route and only asks that none reaches a 5xx.
/// </summary>
[Collection(RegistryAppCollection.Name)]
public class HostileInputTests(RegistryAppFixture registry)
{
    private readonly Publisher publisher = new(registry.Gateway);
    private readonly StoredRows stored = new(registry);

    [Theory]
    [InlineData("/v0/servers?cursor=%00")]
    [InlineData("/v0/servers?search=%00")]
    [InlineData("/v0/servers?version=1.0.0%00")]
    [InlineData("/v0.1/servers?search=a%00b&limit=5")]
    [InlineData("/v0/servers?search=%FF")]
    [InlineData("/v0.1/servers/%C3%28/versions")]
    public async Task NulOrBytesThatAreNotUtf8InAPathOrQueryAreABadRequest(string target)
    {
        using var response = await registry.Gateway.GetAsync(target);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "Bad Request");
    }

    /// <summary>Kestrel itself refuses a NUL in the path before any of our code runs: a 400 with no body.</summary>
    [Theory]
    [InlineData("/v0.1/servers/io.github.a%2Fb%00/versions")]
    [InlineData("/v0.1/servers/io.github.a%2Fb/versions/1.0.0%00")]
    [InlineData("/v0/servers/io.github.a%2Fb/versions/%00/status")]
    public async Task NulInAPathIsABadRequest(string target)
    {
        using var response = await registry.NewGatewayClient().GetAsync(target);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NulInAGrpcRequestIsAnInvalidArgument()
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(registry.CatalogGrpcAddress);
        var catalog = new Contracts.V0.Catalog.CatalogClient(channel);

        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(async () =>
            await catalog.ListServersAsync(new Contracts.V0.ListServersRequest { Search = "a\0" }));

        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("search", refused.Status.Detail);
    }

    [Theory]
    [InlineData("""{"version":"1.0.0\u0000"}""", "NUL")]
    [InlineData("""{"description":"a\u0000b"}""", "NUL")]
    [InlineData("""{"description":"\ud800"}""", "surrogate")]
    [InlineData("""{"description":"a","description":"b"}""", "twice")]
    [InlineData("""{"name":"io.modelcontextprotocol.anonymous/dup-a","name":"io.modelcontextprotocol.anonymous/dup-b"}""", "twice")]
    [InlineData("""{"_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"n":1e999}}}""", "64-bit float")]
    public async Task ABodyThatCannotBeStoredAsSentIsABadRequestAndStoresNothing(string fields, string reason)
    {
        var body = MergeIntoNewServer(fields);

        var problem = await RefusedAsync(HttpStatusCode.BadRequest, "Bad Request", () => PostRawAsync("/v0/publish", Encoding.UTF8.GetBytes(body), "application/json"));

        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BytesThatAreNotUtf8AreABadRequestAndStoreNothing()
    {
        var document = Publisher.NewServer().ToJsonString().Replace("End-to-end test server", "caf\u00e9", StringComparison.Ordinal);
        var latin1 = Encoding.Latin1.GetBytes(document);

        var problem = await RefusedAsync(HttpStatusCode.BadRequest, "Bad Request", () => PostRawAsync("/v0/publish", latin1, "application/json"));

        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task ABodyThatIsNotJsonInUtf8IsAnUnsupportedMediaTypeAndStoresNothing(string contentType)
    {
        var body = Encoding.UTF8.GetBytes(Publisher.NewServer().ToJsonString());

        await RefusedAsync(HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type", () => PostRawAsync("/v0/publish", body, contentType));
        await RefusedAsync(HttpStatusCode.UnsupportedMediaType, "Unsupported Media Type", () => PostRawAsync("/v0.1/validate", body, contentType));
    }

    [Fact]
    public async Task AProblemQuotesWhatTheClientSentAsWritten()
    {
        using var response = await PostRawAsync("/v0/publish", "{}"u8.ToArray(), "text/plain");

        Assert.Contains("'text/plain'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task JsonWithACharsetOfUtf8IsAccepted()
    {
        var body = Encoding.UTF8.GetBytes(Publisher.NewServer().ToJsonString());

        using var response = await PostRawAsync("/v0/publish", body, "application/json; charset=UTF-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1.0.0\n")]
    [InlineData("1.0\t0")]
    [InlineData("*")]
    [InlineData("x")]
    [InlineData("1.x")]
    [InlineData("^1")]
    [InlineData(">=1")]
    [InlineData("1 - 2")]
    [InlineData("1 || 2")]
    public async Task AVersionThatIsNotOneSpecificVersionIsUnprocessableAndStoresNothing(string version)
    {
        var document = Publisher.NewServer(version);

        var problem = await RefusedAsync(HttpStatusCode.UnprocessableEntity, "Unprocessable Entity", async () =>
            await publisher.PublishAsync(document, await publisher.AnonymousTokenAsync()));

        var message = Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("message").GetString();
        Assert.Contains("ersion", message);
    }

    [Fact]
    public async Task NulInAStatusMessageOrALoginIsABadRequest()
    {
        var document = Publisher.NewServer();
        var token = await publisher.AnonymousTokenAsync();
        (await publisher.PublishAsync(document, token)).EnsureSuccessStatusCode();
        var name = document["name"]!.GetValue<string>();

        await RefusedAsync(HttpStatusCode.BadRequest, "Bad Request", () =>
            publisher.SendAsync(HttpMethod.Patch, $"/v0/servers/{Uri.EscapeDataString(name)}/versions/1.0.0/status",
                """{"status":"deprecated","statusMessage":"old\u0000"}""", token));
        using var login = await PostRawAsync("/v0/auth/github-at", """{"github_token":"gho_\u0000"}"""u8.ToArray(), "application/json");
        await ProblemAssert.IsProblemAsync(login, HttpStatusCode.BadRequest, "Bad Request");
    }

    [Theory]
    [InlineData("/v0.1/servers?limit=2")]
    [InlineData("/v0/servers/io.github.joelverhagen%2Fknapcode-samplemcpserver/versions")]
    [InlineData("/v0.1/servers/io.github.joelverhagen%2Fknapcode-samplemcpserver/versions/latest")]
    [InlineData("/v0/health")]
    public async Task HeadAnswersAsGetWithoutABody(string path)
    {
        using var get = await registry.Gateway.GetAsync(path);
        var getBody = await get.Content.ReadAsByteArrayAsync();

        using var head = await registry.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        var headBody = await head.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(headBody);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(getBody.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
    }

    [Fact]
    public async Task AHeadBeforeAnyGetLeavesTheCachedAnswerWhole()
    {
        var path = $"/v0.1/servers?limit=3&search=io.github&cursor=io.github.{Guid.NewGuid():N}";

        using var head = await registry.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        using var get = await registry.Gateway.GetAsync(path);
        var body = await get.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(body.Length > 0);
        Assert.Equal(body.Length, head.Content.Headers.ContentLength);
        Assert.Equal(head.Headers.ETag, get.Headers.ETag);
    }

    [Fact]
    public async Task HeadOfAServerThatDoesNotExistIsNotFound()
    {
        using var head = await registry.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/v0.1/servers/io.github.nobody%2Fnothing/versions/latest"));

        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task AMalformedChunkedBodyIsABadRequest()
    {
        var gateway = registry.App.GetEndpoint("gateway", "http");
        using var socket = new System.Net.Sockets.TcpClient();
        await socket.ConnectAsync(gateway.Host, gateway.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST /v0/publish HTTP/1.1\r\nHost: {gateway.Authority}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
            "5\r\n{\"a\":\r\nZZ\r\nnot a chunk\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var statusLine = await reader.ReadLineAsync();

        Assert.Equal("HTTP/1.1 400 Bad Request", statusLine);
    }

    [Fact]
    public async Task NoOddRequestOnAnyRouteReachesAServerError()
    {
        var token = await publisher.AnonymousTokenAsync();
        var existing = Publisher.NewServer();
        (await publisher.PublishAsync(existing, token)).EnsureSuccessStatusCode();
        var name = Uri.EscapeDataString(existing["name"]!.GetValue<string>());
        var failures = new List<string>();

        foreach (var (method, path, body, contentType, authorization) in OddRequests(name, token))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
            }

            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var client = registry.NewGatewayClient();
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            var problemShaped = status < 400 || method == "HEAD" || response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 500 || !problemShaped)
            {
                failures.Add($"{method} {path} [{contentType}] {Describe(body)} -> {status} {await response.Content.ReadAsStringAsync()}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static IEnumerable<(string Method, string Path, byte[]? Body, string? ContentType, string? Authorization)> OddRequests(string name, string token)
    {
        var bearer = "Bearer " + token;
        string[] queries =
        [
            "limit=abc", "limit=99999999999", "limit=-5", "limit=0", "limit=1.5", "include_deleted=maybe", "updated_since=garbage",
            "updated_since=2025-13-45T99:99:99Z", "cursor=" + new string('a', 4000), "search=" + new string('%', 3) + "_\\", "cursor=:",
            "cursor=%3A%3A", "version=%20", "search=%E2%80%8B", "cursor=io.github.a%2Fb:%FF%FE", "include_deleted=false&updated_since=2025-01-01T00:00:00Z",
            "limit=1&limit=2", "search=" + Uri.EscapeDataString("'; DROP TABLE servers; --"), "cursor=%F0%9F%98%80:%F0%9F%98%80",
        ];
        foreach (var query in queries)
        {
            yield return ("GET", "/v0/servers?" + query, null, null, null);
        }

        string[] paths =
        [
            "/v0/servers/%2F/versions", "/v0/servers/%25/versions/%25", "/v0/servers/a/versions/b/c", "/v0.1/servers/" + name + "/versions/%2E%2E",
            "/v0.1/servers/" + name + "/versions/" + new string('9', 3000), "/v0/servers/" + new string('n', 3000) + "/versions",
            "/v0/servers/%E2%80%AE/versions/latest", "/v0.1/servers/" + name + "/versions/latest?include_deleted=yes", "/v0/x/dev.mcpregistry/changes?after=-1",
            "/v0/x/dev.mcpregistry/changes?after=abc&limit=100000", "/v0/nothing-here", "/..%2F..%2Fetc%2Fpasswd", "/v0.1/x/com.example/anything",
        ];
        foreach (var path in paths)
        {
            yield return ("GET", path, null, null, null);
            yield return ("HEAD", path, null, null, null);
        }

        byte[][] documents =
        [
            [], "null"u8.ToArray(), "[]"u8.ToArray(), "\"text\""u8.ToArray(), "{}"u8.ToArray(), "{\"$schema\":123}"u8.ToArray(),
            "{\"name\":{}}"u8.ToArray(), Encoding.UTF8.GetBytes(new string('[', 2000) + new string(']', 2000)), "{\"a\":"u8.ToArray(),
            Encoding.UTF8.GetBytes(Publisher.NewServer(new string('1', 300)).ToJsonString()),
            Encoding.UTF8.GetBytes(Publisher.NewServer().ToJsonString().Replace("\"description\"", "\"_meta\":{\"io.modelcontextprotocol.registry/publisher-provided\":[1,2,{\"deep\":true}]},\"description\"", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes("{\"remotes\":[{\"type\":\"sse\",\"url\":\"" + new string('u', 10000) + "\"}]}"),
        ];
        string?[] authorizations = [null, "Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer a.b.c", "bearer " + token, bearer + "x"];
        foreach (var document in documents)
        {
            foreach (var authorization in authorizations)
            {
                yield return ("POST", "/v0/publish", document, "application/json", authorization);
            }

            yield return ("POST", "/v0.1/validate", document, "application/json", null);
            yield return ("PUT", "/v0/servers/" + name + "/versions/1.0.0", document, "application/json", bearer);
            yield return ("PATCH", "/v0/servers/" + name + "/versions/1.0.0/status", document, "application/json", bearer);
            yield return ("PATCH", "/v0.1/servers/" + name + "/status", document, "application/json", bearer);
            foreach (var login in new[] { "github-at", "github-oidc", "oidc", "dns", "http", "none" })
            {
                yield return ("POST", "/v0/auth/" + login, document, "application/json", null);
            }
        }

        string[] loginBodies =
        [
            "{\"github_token\":123}", "{\"github_token\":\"a\\r\\nHost: elsewhere\"}", "{\"github_token\":\"tok\\u0001\"}", "{\"github_token\":\"" + new string('t', 20000) + "\"}",
            "{\"oidc_token\":\"a.b.c\"}", "{\"oidc_token\":\"e30.e30.\"}", "{\"domain\":\"../../etc\",\"timestamp\":\"x\",\"signed_timestamp\":\"zz\"}",
            "{\"domain\":\"127.0.0.1\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"signed_timestamp\":\"00\"}", "{\"domain\":\"\",\"timestamp\":\"\",\"signed_timestamp\":\"\"}",
        ];
        foreach (var login in new[] { "github-at", "github-oidc", "dns", "http" })
        {
            foreach (var body in loginBodies)
            {
                yield return ("POST", "/v0/auth/" + login, Encoding.UTF8.GetBytes(body), "application/json", null);
            }
        }

        string[] statusBodies =
        [
            "{\"status\":123}", "{\"status\":\"deleted\",\"statusMessage\":\"" + new string('m', 501) + "\"}", "{\"status\":null}", "{\"status\":\"active\",\"statusMessage\":\"x\"}",
            "{\"status\":\"DELETED\"}", "{\"statusMessage\":\"only\"}",
        ];
        foreach (var body in statusBodies)
        {
            yield return ("PATCH", "/v0/servers/" + name + "/versions/1.0.0/status", Encoding.UTF8.GetBytes(body), "application/json", bearer);
            yield return ("PATCH", "/v0/servers/" + name + "/status", Encoding.UTF8.GetBytes(body), "application/json", bearer);
            yield return ("PATCH", "/v0/servers/io.github.nobody%2Fnothing/versions/%25/status", Encoding.UTF8.GetBytes(body), "application/json", bearer);
        }

        foreach (var authorization in authorizations)
        {
            yield return ("DELETE", "/v0.1/servers/" + name + "/versions/9.9.9", null, null, authorization);
        }

        yield return ("DELETE", "/v0/servers/" + name + "/versions/9.9.9", "{\"status\":\"active\"}"u8.ToArray(), "application/json", bearer);
        yield return ("DELETE", "/v0/servers/io.github.nobody%2Fnothing/versions/%25", null, null, bearer);
        yield return ("DELETE", "/v0/servers/" + name + "/versions/%FF", null, null, bearer);

        foreach (var method in new[] { "DELETE", "PROPFIND", "TRACE", "PUT", "POST" })
        {
            yield return (method, "/v0/servers", null, null, bearer);
            yield return (method, "/v0/servers/" + name + "/versions/1.0.0", null, null, bearer);
        }

        yield return ("POST", "/v0/publish", new byte[2 * 1024 * 1024], "application/json", bearer);
        yield return ("POST", "/v0/auth/github-at", new byte[200 * 1024], "application/json", null);
        yield return ("POST", "/v0/publish", Encoding.UTF8.GetBytes(Publisher.NewServer().ToJsonString()), "application/json; charset=utf-16", bearer);
        yield return ("GET", "/v0/servers", "garbage"u8.ToArray(), "text/plain", null);
    }

    private static string Describe(byte[]? body) =>
        body is null ? "" : body.Length > 120 ? $"<{body.Length} bytes>" : Encoding.UTF8.GetString(body);

    private async Task<System.Text.Json.JsonElement> RefusedAsync(HttpStatusCode status, string title, Func<Task<HttpResponseMessage>> send)
    {
        var before = await stored.CountAsync();
        using var response = await send();
        var problem = await ProblemAssert.IsProblemAsync(response, status, title);
        Assert.Equal(before, await stored.CountAsync());
        return problem;
    }

    private async Task<HttpResponseMessage> PostRawAsync(string path, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await publisher.AnonymousTokenAsync());
        return await registry.Gateway.SendAsync(request);
    }

    /// <summary>A new valid document with the given fields laid over it, written without re-serialising them.</summary>
    private static string MergeIntoNewServer(string fields)
    {
        var document = Publisher.NewServer();
        var overridden = System.Text.RegularExpressions.Regex.Matches(fields, "\"([^\"]+)\":").Select(m => m.Groups[1].Value).ToHashSet();
        foreach (var key in overridden)
        {
            document.Remove(key);
        }

        var rest = document.ToJsonString();
        return "{" + fields[1..^1] + (document.Count > 0 ? "," + rest[1..] : "}");
    }
}
