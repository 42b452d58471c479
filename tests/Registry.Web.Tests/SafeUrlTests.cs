using Registry.Web.Presentation;

namespace Registry.Web.Tests;

public class SafeUrlTests
{
    [Theory]
    [InlineData("https://github.com/acme/weather", "https://github.com/acme/weather")]
    [InlineData("http://example.com/docs", "http://example.com/docs")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JavaScript:alert(1)", null)]
    [InlineData(" javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>alert(1)</script>", null)]
    [InlineData("file:///etc/passwd", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/relative", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void OnlyAbsoluteHttpLinksAreFollowed(string? value, string? link) => Assert.Equal(link, SafeUrl.Link(value));

    [Theory]
    [InlineData("https://example.com/icon.png", "https://example.com/icon.png")]
    [InlineData("http://example.com/icon.png", null)]
    [InlineData("data:image/svg+xml,<svg onload='alert(1)'/>", null)]
    [InlineData("javascript:alert(1)", null)]
    public void OnlyHttpsIconsAreLoaded(string value, string? image) => Assert.Equal(image, SafeUrl.Image(value));
}
