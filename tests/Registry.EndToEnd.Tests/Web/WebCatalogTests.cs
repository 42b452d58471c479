using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>The web catalog in a real browser, through the gateway, checked against what the REST API answers.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class WebCatalogTests(RegistryAppFixture registry, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private const string Filesystem = "io.github.modelcontextprotocol/filesystem";
    private const string Knapcode = "io.github.joelverhagen/knapcode-samplemcpserver";

    private readonly WebCatalog rest = new(registry.Gateway);
    private readonly Publisher publisher = new(registry.Gateway);

    private Uri Gateway => registry.App.GetEndpoint("gateway", "http");

    [Fact]
    public async Task TheCatalogShowsWhatTheSearchBrowsesWithItsCount()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        var expected = await rest.NamesAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveTitleAsync("MCP server catalog");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"{expected.Count:N0} servers");
        Assert.Equal(expected.Take(24), await CardNamesAsync(page));
        Assert.NotEmpty(await page.Locator("meta[name=description]").GetAttributeAsync("content") ?? "");
        await Screenshots.SaveAsync(page, "catalog");
    }

    [Fact]
    public async Task TypingInTheSearchBoxUpdatesTheResultsWithoutLeavingThePage()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.EvaluateAsync("window.stayed = true");

        await page.Locator("#q").PressSequentiallyAsync("weather");

        await page.WaitForURLAsync("**/?q=weather");
        var expected = await rest.NamesAsync("q=weather");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"{expected.Count:N0} {(expected.Count == 1 ? "server" : "servers")} found");
        Assert.Equal(expected.Take(24), await CardNamesAsync(page));
        Assert.True(await page.EvaluateAsync<bool>("window.stayed === true"));
    }

    [Fact]
    public async Task SearchAndFiltersWorkWithoutJavaScript()
    {
        await using var context = await chromium.NewContextAsync(Gateway, o => o.JavaScriptEnabled = false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#q").FillAsync("filesystem");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/?q=filesystem*");
        await page.Locator("#type").SelectOptionAsync("oci");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await page.WaitForURLAsync("**type=oci*");
        var expected = await rest.NamesAsync("q=filesystem&registryType=oci");
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Take(24), await CardNamesAsync(page));
        foreach (var card in await page.Locator(".card").AllAsync())
        {
            await Expect(card.Locator(".badge", new() { HasTextString = "oci" })).ToHaveCountAsync(1);
        }
    }

    [Fact]
    public async Task ChoosingAFilterShowsOnlyMatchingServersAndItsCountMatchesTheFacet()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var npm = (await rest.PageAsync("limit=1"))["facets"]!["registryType"]!["npm"]!.GetValue<int>();
        await Expect(page.Locator("#type option[value=npm]")).ToHaveTextAsync($"npm ({npm})");

        await page.Locator("#type").SelectOptionAsync("npm");

        await page.WaitForURLAsync("**/?type=npm");
        await Expect(page.Locator("#result-count")).ToHaveTextAsync($"{npm:N0} {(npm == 1 ? "server" : "servers")} found");
        Assert.Equal((await rest.NamesAsync("registryType=npm")).Take(24), await CardNamesAsync(page));
    }

    [Fact]
    public async Task PagingWalksEveryServerOnceInOrder()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        var expected = await rest.NamesAsync("namespace=io.github");
        Assert.True(expected.Count > 4, "the seed has more than two pages of io.github names");

        await page.GotoAsync("/?ns=io.github&limit=2");
        var seen = new List<string>();
        while (true)
        {
            seen.AddRange(await CardNamesAsync(page));
            var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
            if (await next.CountAsync() == 0)
            {
                break;
            }

            await FollowAsync(page, next);
        }

        Assert.Equal(expected, seen);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "First page" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task AServerPageShowsItsPackagesVersionsAndTheStoredDocument()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        var latest = await rest.VersionAsync(Filesystem);
        await page.GotoAsync("/?q=filesystem");

        await page.GetByRole(AriaRole.Link, new() { Name = latest["server"]!["title"]!.GetValue<string>(), Exact = true }).ClickAsync();

        await page.WaitForURLAsync($"**/servers/{Filesystem}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(latest["server"]!["title"]!.GetValue<string>());
        foreach (var package in latest["server"]!["packages"]!.AsArray())
        {
            await Expect(page.Locator("#packages-heading ~ section code", new() { HasTextString = package!["identifier"]!.GetValue<string>() }).First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("table.versions tbody tr")).ToHaveCountAsync((await rest.VersionsAsync(Filesystem)).Count);
        var raw = page.Locator("details.raw pre");
        await Expect(raw).Not.ToBeVisibleAsync();
        await page.Locator("details.raw summary").ClickAsync();
        await Expect(raw).ToBeVisibleAsync();
        Assert.True(JsonNode.DeepEquals(latest["server"], JsonNode.Parse(await raw.TextContentAsync() ?? "")));
        await Screenshots.SaveAsync(page, "server", fullPage: true);
    }

    [Fact]
    public async Task ACopyButtonPutsItsSnippetOnTheClipboard()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/servers/{Knapcode}");

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Copy the VS Code snippet" });
        await button.ClickAsync();

        await Expect(button).ToHaveTextAsync("Copied");
        var copied = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Equal(await page.Locator("#snippet-vscode").TextContentAsync(), copied);
        var entry = JsonNode.Parse(copied)!["servers"]![Knapcode]!;
        Assert.Equal("dnx", entry["command"]!.GetValue<string>());
        await Expect(page.Locator("#snippet-shell-0")).ToContainTextAsync("dnx Knapcode.SampleMcpServer@");
    }

    [Fact]
    public async Task AVersionLinkOpensThatVersionWithItsStatusAndALinkToTheLatest()
    {
        var (token, name) = await publisher.PublishNewServerAsync("1.0.0", "2.0.0");
        (await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated", statusMessage = "Use 2.0.0 instead." }, token)).EnsureSuccessStatusCode();
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/servers/{name}");
        await Expect(page.Locator(".server-head .mark-latest")).ToHaveCountAsync(1);

        await page.Locator("table.versions").GetByRole(AriaRole.Link, new() { Name = "1.0.0", Exact = true }).ClickAsync();

        await page.WaitForURLAsync($"**/servers/{name}/versions/1.0.0");
        await Expect(page.Locator(".notice")).ToContainTextAsync("This version is deprecated.");
        await Expect(page.Locator(".notice")).ToContainTextAsync("Use 2.0.0 instead.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "latest is 2.0.0" })).ToHaveAttributeAsync("href", $"/servers/{name}");
        await Expect(page.Locator("table.versions [aria-current=page]")).ToHaveTextAsync("1.0.0");
    }

    [Fact]
    public async Task RecentChangesShowANewPublishFirst()
    {
        var (_, name) = await publisher.PublishNewServerAsync("1.0.0");
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/changes");

        var first = page.Locator("table.changes tbody tr").First;
        await Expect(first.Locator("td").Nth(1)).ToHaveTextAsync("Published");
        await Expect(first.Locator("td").Nth(2)).ToHaveTextAsync(name);
        await first.GetByRole(AriaRole.Link, new() { Name = "1.0.0" }).ClickAsync();
        await page.WaitForURLAsync($"**/servers/{name}/versions/1.0.0");
    }

    [Fact]
    public async Task TheKeyboardAloneReachesTheSearchAndAServer()
    {
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(":focus")).ToHaveTextAsync("Skip to content");
        await TabUntilAsync(page, "#q");
        await page.Keyboard.TypeAsync("weather");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/?q=weather");
        await TabUntilAsync(page, ".card h2 a");
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync("**/servers/**");
        await Expect(page.Locator("h1")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task OnAPhoneNothingScrollsSideways()
    {
        await using var context = await chromium.NewContextAsync(Gateway, o => o.ViewportSize = new ViewportSize { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();

        foreach (var path in new[] { "/", $"/servers/{Filesystem}", "/changes" })
        {
            await page.GotoAsync(path);
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{path} is wider than the phone");
        }

        await page.GotoAsync("/");
        await Screenshots.SaveAsync(page, "catalog-phone");
    }

    /// <summary>
    /// Clicks a link and waits for its page to be parsed (its pager is the last part of the results), not for its
    /// load event: under a loaded test run that event was seen to lag far behind the page, which needs nothing more.
    /// </summary>
    private async Task FollowAsync(IPage page, ILocator link)
    {
        var target = new Uri(Gateway, await link.GetAttributeAsync("href")).ToString();
        await link.ClickAsync();
        await page.WaitForURLAsync(url => url == target, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Locator("nav.pager").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    private static async Task<List<string>> CardNamesAsync(IPage page) =>
        [.. await page.Locator(".card .server-name").AllTextContentsAsync()];

    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"document.activeElement?.matches({System.Text.Json.JsonSerializer.Serialize(selector)}) === true"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }
}
