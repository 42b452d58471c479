using Registry.Domain.Errors;
using Registry.Domain.Versions;

namespace Registry.Domain.Tests.Publishing;

public class StatusChangeTests
{
    [Theory]
    [InlineData("deprecated", "use v2")]
    [InlineData("deleted", null)]
    [InlineData("deprecated", "")]
    public void AKnownStatusKeepsItsMessage(string status, string? message)
    {
        var change = StatusChange.From(status, message);

        Assert.Equal(status, change.Status);
        Assert.Equal(message, change.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ActiveStoresNoMessage(string? message) => Assert.Null(StatusChange.From("active", message).Message);

    [Fact]
    public void AMessageOfFiveHundredCharactersIsAccepted() =>
        Assert.Equal(500, StatusChange.From("deprecated", new string('m', 500)).Message!.Length);

    [Theory]
    [InlineData(null)]
    [InlineData("retired")]
    [InlineData("Active")]
    public void AnUnknownStatusIsARequestSchemaViolation(string? status)
    {
        var refusal = Assert.Throws<RegistryException>(() => StatusChange.From(status, null));

        Assert.Equal(422, refusal.Status);
        Assert.Equal("validation failed", refusal.Detail);
        var error = Assert.Single(refusal.Errors);
        Assert.Equal(("body.status", status), (error.Location, error.Value));
    }

    [Fact]
    public void AMessageOverFiveHundredCharactersIsARequestSchemaViolation()
    {
        var refusal = Assert.Throws<RegistryException>(() => StatusChange.From("deprecated", new string('m', 501)));

        Assert.Equal(422, refusal.Status);
        Assert.Equal(new ErrorDetail("expected length <= 500", "body.statusMessage"), Assert.Single(refusal.Errors));
    }

    [Fact]
    public void AMessageWithActiveIsRefused()
    {
        var refusal = Assert.Throws<RegistryException>(() => StatusChange.From("active", "back"));

        Assert.Equal((400, "statusMessage cannot be set when status is active"), (refusal.Status, refusal.Detail));
        Assert.Empty(refusal.Errors);
    }

    [Fact]
    public void AnUnknownStatusIsReportedBeforeALongMessage() =>
        Assert.Equal("body.status", Assert.Single(Assert.Throws<RegistryException>(() => StatusChange.From("retired", new string('m', 501))).Errors).Location);

    [Fact]
    public void DeletionIsTheChangeToDeletedWithoutAMessage() =>
        Assert.Equal((ServerStatus.Deleted, (string?)null), (StatusChange.Deletion.Status, StatusChange.Deletion.Message));
}
