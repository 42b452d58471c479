using Registry.Domain.Annotations;
using Registry.Domain.Errors;

namespace Registry.Domain.Tests.Annotations;

public class AnnotationKeyTests
{
    [Theory]
    [InlineData("com.acme.registry/review")]
    [InlineData("com.acme/scan_result-2")]
    [InlineData("io.github.user/a.b")]
    public void AReverseDnsNamespaceSlashAndNameIsAKey(string key) => Assert.Null(AnnotationKey.Problem(key));

    [Theory]
    [InlineData("")]
    [InlineData("review")]
    [InlineData("acme/review")]
    [InlineData("com.acme/")]
    [InlineData("/review")]
    [InlineData("com.acme/a/b")]
    [InlineData("-com.acme/review")]
    [InlineData("com.acme/review-")]
    [InlineData("com.acme/re view")]
    [InlineData("com_acme.x/review")]
    public void AnythingElseIsRefused(string key) => Assert.NotNull(AnnotationKey.Problem(key));

    [Theory]
    [InlineData("io.modelcontextprotocol.registry/official")]
    [InlineData("IO.ModelContextProtocol.Registry/review")]
    public void TheOfficialNamespaceIsReserved(string key) =>
        Assert.Contains("reserved", AnnotationKey.Problem(key));

    [Fact]
    public void AKeyLongerThanTheLimitIsRefused()
    {
        var key = "com.acme/" + new string('a', AnnotationKey.MaxLength);

        Assert.Contains($"{AnnotationKey.MaxLength} characters", AnnotationKey.Problem(key));
    }

    [Fact]
    public void ARefusedKeyIsA400WhoseCauseIsListed()
    {
        var error = Assert.Throws<RegistryException>(() => AnnotationKey.Require("nope"));

        Assert.Equal(400, error.Status);
        Assert.Equal("Failed to annotate server", error.Detail);
        Assert.Contains("reverse-DNS", Assert.Single(error.Errors).Message);
    }
}
