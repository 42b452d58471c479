using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>axe-core's WCAG 2.1 A and AA rules on each kind of page, in the light and the dark theme.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class WebAccessibilityTests(RegistryAppFixture registry, ChromiumBrowser chromium) : IClassFixture<ChromiumBrowser>
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static TheoryData<string, ColorScheme> Pages()
    {
        var pages = new TheoryData<string, ColorScheme>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            foreach (var path in new[]
            {
                "/", "/?q=weather&type=pypi", "/?type=maven", "/servers/io.github.modelcontextprotocol/filesystem",
                "/servers/io.github.joelverhagen/knapcode-samplemcpserver", "/servers/io.modelcontextprotocol.anonymous/hybrid-mcp", "/changes",
            })
            {
                pages.Add(path, scheme);
            }
        }

        return pages;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task APageHasNoWcagAaViolations(string path, ColorScheme scheme)
    {
        await using var context = await chromium.NewContextAsync(registry.App.GetEndpoint("gateway", "http"), o => o.ColorScheme = scheme);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        if (await page.Locator("details.raw").CountAsync() > 0)
        {
            await page.Locator("details.raw summary").ClickAsync();
        }

        var result = await page.RunAxe(WcagAa);

        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")));
        if (path == "/servers/io.github.modelcontextprotocol/filesystem" && scheme == ColorScheme.Dark)
        {
            await Screenshots.SaveAsync(page, "server-dark", fullPage: true);
        }
    }
}
