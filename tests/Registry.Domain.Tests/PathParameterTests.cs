using Registry.Domain.Names;

namespace Registry.Domain.Tests;

public class PathParameterTests
{
    [Theory]
    [InlineData("io.github.user%2Fweather", "io.github.user/weather")]
    [InlineData("io.github.user%2fweather", "io.github.user/weather")]
    [InlineData("1.0.0%2B20130313144700", "1.0.0+20130313144700")]
    [InlineData("1.0.0+build", "1.0.0+build")]
    [InlineData("plain", "plain")]
    public void EncodedSegmentsAreDecoded(string raw, string expected)
    {
        Assert.True(PathParameter.TryDecode(raw, out var decoded));
        Assert.Equal(expected, decoded);
    }

    [Theory]
    [InlineData("bad%2")]
    [InlineData("bad%zz")]
    [InlineData("")]
    public void MalformedOrEmptySegmentsAreRejected(string raw) => Assert.False(PathParameter.TryDecode(raw, out _));
}
