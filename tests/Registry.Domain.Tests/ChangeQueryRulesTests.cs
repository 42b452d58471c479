using Registry.Domain.Changes;
using Registry.Domain.Errors;

namespace Registry.Domain.Tests;

public class ChangeQueryRulesTests
{
    [Fact]
    public void AbsentParametersReadAHundredChangesFromTheStart() =>
        Assert.Equal(new ChangeListQuery(0, 100), ChangeQueryRules.BuildList(null, null));

    [Theory]
    [InlineData(1)]
    [InlineData(500)]
    public void LimitBoundsAreAccepted(int limit) => Assert.Equal(limit, ChangeQueryRules.BuildList(7, limit).Limit);

    [Theory]
    [InlineData(0, "query.limit", "expected number >= 1")]
    [InlineData(501, "query.limit", "expected number <= 500")]
    public void LimitOutsideOneToFiveHundredIsAValidationError(int limit, string location, string message)
    {
        var error = Assert.Throws<RegistryException>(() => ChangeQueryRules.BuildList(null, limit));

        Assert.Equal(422, error.Status);
        var detail = Assert.Single(error.Errors);
        Assert.Equal((message, location, (object?)limit), (detail.Message, detail.Location, detail.Value));
    }

    [Fact]
    public void ANegativePositionIsAValidationError()
    {
        var list = Assert.Throws<RegistryException>(() => ChangeQueryRules.BuildList(-1, null));
        var watch = Assert.Throws<RegistryException>(() => ChangeQueryRules.WatchFrom(-1));

        Assert.Equal(("query.after", 422), (Assert.Single(list.Errors).Location, list.Status));
        Assert.Equal(("from_sequence", 422), (Assert.Single(watch.Errors).Location, watch.Status));
        Assert.Equal(0, ChangeQueryRules.WatchFrom(0));
    }
}
