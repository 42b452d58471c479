using Microsoft.Playwright;

namespace Registry.EndToEnd.Tests.Web;

/// <summary>
/// Screenshots of the pages as test artifacts, in <c>artifacts/screenshots/</c> at the repository root (ignored by git;
/// the README's copies live in <c>docs/screenshots/</c>).
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public static async Task SaveAsync(IPage page, string name, bool fullPage = false)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });
    }

    private static string RepositoryRoot() =>
        Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(SampleSeed.Path)))!;
}
