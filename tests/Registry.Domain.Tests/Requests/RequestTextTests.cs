using Registry.Domain.Requests;

namespace Registry.Domain.Tests.Requests;

public class RequestTextTests
{
    [Theory]
    [InlineData("/v0/servers?cursor=%00")]
    [InlineData("/v0/servers?search=a%00b")]
    [InlineData("/v0/servers/io.github.a%2Fb/versions/1.0.0%00")]
    [InlineData("/v0/servers%00")]
    public void NulAnywhereInTheTargetIsRefused(string target) => Assert.Contains("NUL", RequestText.TargetProblem(target));

    [Theory]
    [InlineData("/v0/servers?search=%FF")]
    [InlineData("/v0/servers/%C3%28/versions")]
    [InlineData("/v0/servers?search=%ED%A0%80")]
    public void EscapesThatAreNotUtf8AreRefused(string target) => Assert.Contains("UTF-8", RequestText.TargetProblem(target));

    [Theory]
    [InlineData("/v0/servers?search=caf%C3%A9&limit=5")]
    [InlineData("/v0/servers/io.github.a%2Fb/versions/1.0.0%2Bbuild")]
    [InlineData("/v0/servers?search=100%")]
    [InlineData("/v0/servers?search=%zz")]
    public void OrdinaryTargetsPass(string target) => Assert.Null(RequestText.TargetProblem(target));

    [Fact]
    public void FindsNulInDecodedText()
    {
        Assert.True(RequestText.HasNul("a\0"));
        Assert.False(RequestText.HasNul("a"));
        Assert.False(RequestText.HasNul(null));
    }
}
