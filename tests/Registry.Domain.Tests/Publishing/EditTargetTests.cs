using Registry.Domain.Errors;
using Registry.Domain.Publishing;

namespace Registry.Domain.Tests.Publishing;

public class EditTargetTests
{
    [Fact]
    public void ABodyNamingThePathsVersionMatches() =>
        EditTarget.RequireBodyMatchesPath("com.example/server", "1.0.0", "com.example/server", "1.0.0");

    [Theory]
    [InlineData("com.example/other", "1.0.0")]
    [InlineData("com.example/server", "1.0.1")]
    [InlineData("COM.EXAMPLE/server", "1.0.0")]
    [InlineData(null, "1.0.0")]
    [InlineData("com.example/server", null)]
    public void ABodyNamingAnotherNameOrVersionIsRefused(string? bodyName, string? bodyVersion)
    {
        var refusal = Assert.Throws<RegistryException>(() =>
            EditTarget.RequireBodyMatchesPath("com.example/server", "1.0.0", bodyName, bodyVersion));

        Assert.Equal(400, refusal.Status);
        Assert.Equal("Failed to edit server", refusal.Detail);
        Assert.Equal("the name and version in the body must match the path", Assert.Single(refusal.Errors).Message);
    }
}
