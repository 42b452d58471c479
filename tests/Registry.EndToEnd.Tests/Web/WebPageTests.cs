using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>What every page promises whatever it is asked: its headers, its size, a 4xx page for a bad request, and a document's text never run.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed partial class WebPageTests(RegistryAppFixture registry, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const int MaxPageBytes = 100 * 1024;
    private readonly Publisher publisher = new(registry.Gateway);

    public static TheoryData<string> Pages => new()
    {
        "/",
        "/?q=weather&type=pypi",
        "/servers/io.github.modelcontextprotocol/filesystem",
        "/servers/io.github.modelcontextprotocol%2Ffilesystem",
        "/servers/io.github.modelcontextprotocol/filesystem/versions/1.0.2",
        "/changes",
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPageIsSmallHtmlUnderAContentSecurityPolicyWithoutInlineScript(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("default-src 'none'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(html.Length < MaxPageBytes, $"{path} is {html.Length} bytes");
        Assert.Empty(InlineScript().Matches(html));
        Assert.Empty(EventHandlerAttribute().Matches(html));
    }

    [Theory]
    [InlineData("/?type=maven", HttpStatusCode.BadRequest, "type: expected value to be one of")]
    [InlineData("/?transport=carrier-pigeon", HttpStatusCode.BadRequest, "transport:")]
    [InlineData("/?status=gone", HttpStatusCode.BadRequest, "status:")]
    [InlineData("/?remote=maybe", HttpStatusCode.BadRequest, "remote: expected yes or no")]
    [InlineData("/?limit=abc", HttpStatusCode.BadRequest, "limit: expected number &gt;= 1")]
    [InlineData("/?limit=101", HttpStatusCode.BadRequest, "limit: expected number &lt;= 100")]
    [InlineData("/?cursor=not-a-cursor", HttpStatusCode.BadRequest, "cursor")]
    [InlineData("/servers/io.github.nobody/nothing", HttpStatusCode.NotFound, "No server named io.github.nobody/nothing")]
    [InlineData("/servers/io.github.modelcontextprotocol/filesystem/versions/9.9.9", HttpStatusCode.NotFound, "has no version 9.9.9")]
    [InlineData("/servers/only-one-part", HttpStatusCode.NotFound, "A server page is")]
    [InlineData("/servers/a/b/c/d/e", HttpStatusCode.NotFound, "A server page is")]
    public async Task ABadRequestIsAnHtmlPageWithA4xxThatSaysWhy(string path, HttpStatusCode status, string says)
    {
        using var response = await registry.Gateway.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(says, html);
        Assert.Contains("role=\"alert\"", html);
    }

    [Fact]
    public async Task HostileQueryStringsNeverReachA500()
    {
        string[] values =
        [
            new string('x', 201), "%", "%%", "\u0000", "<script>alert(1)</script>", "' OR 1=1 --", "😀😀", "\uFFFF",
            "../../etc/passwd", "a&b=c", "+++", new string('é', 150),
        ];
        foreach (var name in new[] { "q", "type", "transport", "remote", "status", "ns", "cursor", "limit" })
        {
            foreach (var value in values)
            {
                using var response = await registry.Gateway.GetAsync($"/?{name}={Uri.EscapeDataString(value)}");
                Assert.True((int)response.StatusCode < 500, $"{name}={value} answered {(int)response.StatusCode}");
                Assert.DoesNotContain("<script>alert(1)</script>", await response.Content.ReadAsStringAsync());
            }
        }

        foreach (var path in new[] { "/servers/%00/x", "/servers/%FF/%FE", "/servers/..%2F..%2Fetc/passwd", "/servers/a/b/versions/%00", "/servers/a%2Fb%2Fc" })
        {
            using var response = await registry.Gateway.GetAsync(path);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task MarkupInAPublishedDocumentIsShownAsTextAndNeverRuns()
    {
        var token = await publisher.AnonymousTokenAsync();
        var document = Publisher.NewServer();
        var name = document["name"]!.GetValue<string>();
        document["title"] = "<img src=x onerror=\"window.pwned='title'\">Tricky";
        document["description"] = "<script>window.pwned='description'</script><a href=\"javascript:window.pwned='link'\">click me</a>";
        document["packages"] = new JsonArray(new JsonObject
        {
            ["registryType"] = "npm",
            ["identifier"] = "@evil/<script>window.pwned='package'</script>",
            ["version"] = "1.0.0",
            ["transport"] = new JsonObject { ["type"] = "stdio" },
            ["environmentVariables"] = new JsonArray(new JsonObject
            {
                ["name"] = "TOKEN", ["description"] = "<b onmouseover=\"window.pwned='env'\">hover</b>", ["isRequired"] = true, ["isSecret"] = true,
            }),
        });
        (await publisher.PublishAsync(document, token)).EnsureSuccessStatusCode();
        await using var context = await chromium.NewContextAsync(registry.App.GetEndpoint("gateway", "http"));
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        foreach (var path in new[] { $"/servers/{name}", $"/?q={Uri.EscapeDataString("tricky")}" })
        {
            await page.GotoAsync(path);
            await page.Locator("body").HoverAsync();

            Assert.Null(await page.EvaluateAsync<string?>("window.pwned ?? null"));
            Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
            Assert.Equal(0, await page.Locator("main script, main img:not(.icon), main b").CountAsync());
        }

        await page.GotoAsync($"/servers/{name}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("<img src=x onerror=\"window.pwned='title'\">Tricky");
        await Expect(page.Locator(".lead")).ToContainTextAsync("<script>window.pwned='description'</script>");
        await Expect(page.Locator("table.inputs").First).ToContainTextAsync("required");
        await Expect(page.Locator("table.inputs").First).ToContainTextAsync("secret");
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task APageComesFromTheCacheWithItsPolicyUntilAWriteChangesIt()
    {
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        var path = $"/?q={word}";

        var (first, firstHtml) = await GetAsync(path);
        var (second, secondHtml) = await GetAsync(path);
        var document = Publisher.NewServer();
        document["description"] = $"Answers {word} questions";
        (await publisher.PublishAsync(document, await publisher.AnonymousTokenAsync())).EnsureSuccessStatusCode();
        var (third, thirdHtml) = await GetAsync(path);

        Assert.Equal(["miss", "hit", "miss"], new[] { first, second, third }.Select(r => Assert.Single(r.GetValues("X-Registry-Cache"))));
        Assert.Equal(firstHtml, secondHtml);
        Assert.Contains("0 servers found", firstHtml);
        Assert.All(new[] { first, second, third }, h => Assert.Equal(SecurityPolicyOf(first), SecurityPolicyOf(h)));
        Assert.Contains("1 server found", thirdHtml);
        Assert.Contains(document["name"]!.GetValue<string>(), thirdHtml);
    }

    [Fact]
    public async Task ANonGetOfAPageIsRefusedWithoutReachingTheWeb()
    {
        using var response = await registry.Gateway.PostAsync("/", new StringContent("q=x"));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"POST / answered {(int)response.StatusCode}");
    }

    private async Task<(System.Net.Http.Headers.HttpResponseHeaders Headers, string Html)> GetAsync(string path)
    {
        using var response = await registry.Gateway.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers, await response.Content.ReadAsStringAsync());
    }

    private static string SecurityPolicyOf(System.Net.Http.Headers.HttpResponseHeaders headers) =>
        Assert.Single(headers.GetValues("Content-Security-Policy"));

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
