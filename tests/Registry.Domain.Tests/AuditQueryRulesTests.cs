using Registry.Domain.Audit;
using Registry.Domain.Errors;

namespace Registry.Domain.Tests;

public class AuditQueryRulesTests
{
    [Fact]
    public void AbsentOrEmptyParametersReadAHundredEventsFromTheStartUnfiltered()
    {
        Assert.Equal(new AuditFilter(0, 100), AuditQueryRules.Build(null, null, null, null, null, null, null, null));
        Assert.Equal(new AuditFilter(0, 100), AuditQueryRules.Build(null, null, "", "", "", "", "", ""));
    }

    [Fact]
    public void EveryFilterIsKeptAndTheTimesAreParsedAsRfc3339()
    {
        var filter = AuditQueryRules.Build(5, 1000, "alice", "io.github.alice/x", "2026-12-01T10:00:00Z", "2026-12-01T12:00:00+01:00",
            AuditActions.Publish, AuditOutcomes.Refused);

        Assert.Equal(
            new AuditFilter(5, 1000, "alice", "io.github.alice/x", new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero), "publish", "refused"),
            filter);
    }

    [Theory]
    [InlineData(-1L, null, null, null, null, "query.after")]
    [InlineData(null, 0, null, null, null, "query.limit")]
    [InlineData(null, 1001, null, null, null, "query.limit")]
    [InlineData(null, null, "yesterday", null, null, "query.since")]
    [InlineData(null, null, null, "2026-12-01T10:00:00", null, "query.until")]
    [InlineData(null, null, null, null, "read", "query.action")]
    public void ABadParameterIsAValidationErrorNamingIt(long? after, int? limit, string? since, string? until, string? action, string location)
    {
        var error = Assert.Throws<RegistryException>(() => AuditQueryRules.Build(after, limit, null, null, since, until, action, null));

        Assert.Equal((422, "validation failed"), (error.Status, error.Detail));
        Assert.Equal(location, Assert.Single(error.Errors).Location);
    }

    [Fact]
    public void AnUnknownOutcomeIsAValidationError() =>
        Assert.Equal("query.outcome", Assert.Single(Assert.Throws<RegistryException>(
            () => AuditQueryRules.Build(null, null, null, null, null, null, null, "maybe")).Errors).Location);

    [Fact]
    public void TheExportIgnoresTheLimitAndReadsEveryMatch() =>
        Assert.Equal(int.MaxValue, AuditQueryRules.Build(null, 0, null, null, null, null, null, null, export: true).Limit);
}
