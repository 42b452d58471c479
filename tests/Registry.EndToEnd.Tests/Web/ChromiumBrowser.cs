using Microsoft.Playwright;
using Registry.Testing;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>
/// Debian's chromium, headless, driven by Playwright (no browser download: the executable is the system's). One browser
/// per test class; each test opens its own context, so cookies, permissions and script settings never leak, and no
/// request leaves the machine.
/// </summary>
public sealed class ChromiumBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        var executable = await HeadlessChromium.ExecutableAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    /// <summary>A fresh context at <paramref name="baseUrl"/>: a laptop-sized window by default, scripts on unless turned off.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseUrl, Action<BrowserNewContextOptions>? configure = null)
    {
        var options = new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            ColorScheme = ColorScheme.Light,
        };
        configure?.Invoke(options);
        var context = await browser!.NewContextAsync(options);
        context.SetDefaultTimeout(30_000);
        // Test traffic stays on loopback: a document's https icon is refused here, as a closed network would, but at once.
        await context.RouteAsync(url => !IsLoopback(url), route => route.AbortAsync("blockedbyclient"));
        return context;
    }

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Scheme is "data" or "blob" or "about");

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
