using Registry.Domain.Errors;
using Registry.Domain.Listing;

namespace Registry.Domain.Tests;

public class ServerListQueryRulesTests
{
    [Fact]
    public void AbsentParametersGiveTheDefaultPageOfNonDeletedVersions()
    {
        var query = ServerListQueryRules.Build(null, null, null, null, null, null);

        Assert.Equal(new ServerListQuery(null, 30, null, null, null, false, false), query);
    }

    [Theory]
    [InlineData(0, "expected number >= 1")]
    [InlineData(-5, "expected number >= 1")]
    [InlineData(101, "expected number <= 100")]
    public void LimitOutsideOneToAHundredIsAValidationError(int limit, string message)
    {
        var error = Assert.Throws<RegistryException>(() => ServerListQueryRules.Build(null, limit, null, null, null, null));

        Assert.Equal(422, error.Status);
        var detail = Assert.Single(error.Errors);
        Assert.Equal(message, detail.Message);
        Assert.Equal("query.limit", detail.Location);
        Assert.Equal(limit, detail.Value);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    public void LimitBoundsAreAccepted(int limit) =>
        Assert.Equal(limit, ServerListQueryRules.Build(null, limit, null, null, null, null).Limit);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-08-07")]
    [InlineData("2025-08-07T13:15:04")]
    [InlineData("2025-08-07 13:15:04Z")]
    [InlineData("2025-13-07T13:15:04Z")]
    public void MalformedUpdatedSinceIsABadRequest(string updatedSince)
    {
        var error = Assert.Throws<RegistryException>(() => ServerListQueryRules.Build(null, null, null, updatedSince, null, null));

        Assert.Equal(400, error.Status);
        Assert.StartsWith("Invalid updated_since format", error.Detail);
    }

    [Fact]
    public void UpdatedSinceImpliesDeletedVersionsAreIncluded()
    {
        var query = ServerListQueryRules.Build(null, null, null, "2025-08-07T13:15:04.280Z", null, null);

        Assert.True(query.IncludeDeleted);
        Assert.Equal(new DateTimeOffset(2025, 8, 7, 13, 15, 4, 280, TimeSpan.Zero), query.UpdatedSince);
    }

    [Fact]
    public void ExplicitlyExcludingDeletedWithUpdatedSinceIsABadRequest()
    {
        var error = Assert.Throws<RegistryException>(() => ServerListQueryRules.Build(null, null, null, "2025-08-07T13:15:04Z", null, false));

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void VersionLatestSelectsLatestRowsInsteadOfAnExactVersion()
    {
        var query = ServerListQueryRules.Build(null, null, null, null, "latest", null);

        Assert.True(query.LatestOnly);
        Assert.Null(query.ExactVersion);
    }

    [Fact]
    public void AnyOtherVersionIsAnExactMatch()
    {
        var query = ServerListQueryRules.Build(null, null, null, null, "1.2.3", null);

        Assert.False(query.LatestOnly);
        Assert.Equal("1.2.3", query.ExactVersion);
    }

    [Fact]
    public void EmptyStringsAreTreatedAsAbsent()
    {
        var query = ServerListQueryRules.Build("", null, "", "", "", null);

        Assert.Equal(new ServerListQuery(null, 30, null, null, null, false, false), query);
    }
}
