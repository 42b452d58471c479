using Registry.Domain.Errors;
using Registry.Domain.Publishing;

namespace Registry.Domain.Tests.Publishing;

public class VersionsPerNameTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(9_999)]
    public void ANameBelowTenThousandVersionsTakesAnother(long existing) =>
        VersionsPerName.RequireRoomForAnother("com.example/server", existing);

    [Theory]
    [InlineData(10_000)]
    [InlineData(10_001)]
    public void TheTenThousandAndFirstVersionIsRefusedAsAPublishFailure(long existing)
    {
        var refusal = Assert.Throws<RegistryException>(() => VersionsPerName.RequireRoomForAnother("com.example/server", existing));

        Assert.Equal(400, refusal.Status);
        Assert.Equal("Failed to publish server", refusal.Detail);
        Assert.Equal("server com.example/server already has the maximum of 10000 versions", Assert.Single(refusal.Errors).Message);
    }
}
