using Registry.Domain.Validation;

namespace Registry.Domain.Tests.Validation;

public class VersionRulesTests
{
    [Theory]
    [InlineData("^1.2.3")]
    [InlineData("~1.2")]
    [InlineData(">=1.0")]
    [InlineData("<=2.0.0")]
    [InlineData(">1")]
    [InlineData("<1.0.0")]
    [InlineData("=1.0.0")]
    [InlineData("1.0 - 2.0")]
    [InlineData("1.2.3 - 2.0.0-beta")]
    [InlineData("1.x")]
    [InlineData("1.*")]
    [InlineData("1.2.X")]
    [InlineData("v1.x")]
    [InlineData("1 || 2")]
    [InlineData("1.2 || 1.3")]
    public void RangesAreRecognised(string version) => Assert.True(VersionRules.LooksLikeRange(version));

    [Theory]
    [InlineData("1.0.0")]
    [InlineData("1.0.0-beta.1")]
    [InlineData("2024-01-01")]
    [InlineData("v2")]
    [InlineData("1.0.0+build.7")]
    [InlineData("1.0")]
    [InlineData("1.0.0-x")]
    [InlineData("snapshot")]
    [InlineData("")]
    public void SpecificVersionsAreNotRanges(string version) => Assert.False(VersionRules.LooksLikeRange(version));

    [Theory]
    [InlineData("latest", true)]
    [InlineData("Latest", false)]
    [InlineData("1.0.0", false)]
    public void OnlyLatestIsReserved(string version, bool reserved) => Assert.Equal(reserved, VersionRules.IsReserved(version));
}
