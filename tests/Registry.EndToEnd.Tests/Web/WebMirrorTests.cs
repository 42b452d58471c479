using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>
/// Pages of a registry that mirrors another: documents come from the upstream unchecked, so a <c>javascript:</c> link or
/// an icon that is not https can reach the page, and must stay inert there. The changes page shows the mirror's status.
/// </summary>
[Collection(MirroringRegistryCollection.Name)]
public sealed class WebMirrorTests(MirroringRegistryFixture registry, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly TimeSpan MirrorTimeout = TimeSpan.FromSeconds(30);

    private Uri Gateway => registry.App.GetEndpoint("gateway", "http");

    [Fact]
    public async Task AMirroredDocumentWithScriptLinksAndUnsafeIconsRendersInert()
    {
        var name = $"com.example.upstream/hostile-{Guid.NewGuid():N}";
        registry.Upstream.Publish(new JsonObject
        {
            ["$schema"] = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
            ["name"] = name,
            ["version"] = "1.0.0",
            ["title"] = "Hostile",
            ["description"] = "<script>window.pwned='description'</script>",
            ["websiteUrl"] = "javascript:window.pwned='website'",
            ["repository"] = new JsonObject { ["url"] = "JavaScript:window.pwned='repository'", ["source"] = "github" },
            ["icons"] = new JsonArray(
                new JsonObject { ["src"] = "javascript:window.pwned='icon'" },
                new JsonObject { ["src"] = "http://127.0.0.1:9/plain-http.png" },
                new JsonObject { ["src"] = "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload=\"window.pwned='svg'\"/>" }),
            ["remotes"] = new JsonArray(new JsonObject { ["type"] = "streamable-http", ["url"] = "javascript:window.pwned='remote'" }),
        });
        await MirroredAsync(name);
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) => dialogs.Add(dialog.Message);

        foreach (var path in new[] { $"/servers/{name}", "/?q=hostile" })
        {
            await page.GotoAsync(path);

            await Expect(page.Locator("main")).ToContainTextAsync("Hostile");
            Assert.Equal(0, await page.Locator("a[href^='javascript:' i]").CountAsync());
            Assert.Equal(0, await page.Locator("img").CountAsync());
            Assert.Null(await page.EvaluateAsync<string?>("window.pwned ?? null"));
        }

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Website" })).ToHaveCountAsync(0);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task RecentChangesShowTheMirrorsStatusAndWhatItImported()
    {
        var name = $"com.example.upstream/web-{Guid.NewGuid():N}";
        registry.Upstream.Publish(name, "1.0.0");
        await MirroredAsync(name);
        await using var context = await chromium.NewContextAsync(Gateway);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/changes");

        var mirror = page.Locator("section[aria-labelledby=mirror-heading]");
        await Expect(mirror).ToContainTextAsync(registry.Upstream.BaseUrl.TrimEnd('/'));
        await Expect(mirror.Locator("dd").Nth(1)).Not.ToHaveTextAsync("never");
        await Expect(page.Locator("table.changes tbody tr", new() { HasTextString = name }).First).ToContainTextAsync("Mirrored");
    }

    private async Task MirroredAsync(string name)
    {
        var deadline = DateTime.UtcNow + MirrorTimeout;
        while ((await registry.Gateway.GetAsync($"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/latest")).StatusCode != System.Net.HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{name} was not mirrored within {MirrorTimeout.TotalSeconds} s");
            await Task.Delay(250);
        }
    }
}
