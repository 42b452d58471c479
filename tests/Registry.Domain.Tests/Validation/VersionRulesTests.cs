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
    [InlineData("*")]
    [InlineData("x")]
    [InlineData("X")]
    [InlineData("^1")]
    [InlineData(">=1")]
    [InlineData("1 - 2")]
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
    [InlineData("x1")]
    [InlineData("")]
    public void SpecificVersionsAreNotRanges(string version) => Assert.False(VersionRules.LooksLikeRange(version));

    [Theory]
    [InlineData("latest", true)]
    [InlineData("Latest", false)]
    [InlineData("1.0.0", false)]
    public void OnlyLatestIsReserved(string version, bool reserved) => Assert.Equal(reserved, VersionRules.IsReserved(version));

    [Theory]
    [InlineData("", true)]
    [InlineData(" ", true)]
    [InlineData("\t\n", true)]
    [InlineData("1.0.0", false)]
    public void BlankVersionsAreRecognised(string version, bool blank) => Assert.Equal(blank, VersionRules.IsBlank(version));

    [Theory]
    [InlineData("1.0.0\n", true)]
    [InlineData("1.0\t0", true)]
    [InlineData("1.0.0\u0000", true)]
    [InlineData("1.0.0\u007f", true)]
    [InlineData("1.0.0-ß", false)]
    public void ControlCharactersAreRecognised(string version, bool control) => Assert.Equal(control, VersionRules.HasControlCharacters(version));

    [Theory]
    [InlineData(" 1.0.0", true)]
    [InlineData("1.0.0 ", true)]
    [InlineData("1.0.0", false)]
    public void PaddingIsRecognised(string version, bool padded) => Assert.Equal(padded, VersionRules.IsPadded(version));
}
