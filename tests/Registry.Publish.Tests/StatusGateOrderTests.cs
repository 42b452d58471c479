using static Registry.Publish.Tests.Refusals;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>
/// Status changes: token, publish or edit permission, the request's rules, mirrored name, then the store
/// (unknown version or name, nothing to change, a remote URL taken while the version was deleted).
/// </summary>
[Collection(PublishHostCollection.Name)]
public sealed class StatusGateOrderTests(PublishHost host)
{
    private const string Failed = "Failed to update server status";

    [Fact]
    public Task TheTokenIsCheckedBeforeTheRequest() =>
        AssertRefusedAsync(401, "Authorization header is required",
            () => host.Statuses.SetVersionStatusAsync(null, NewName(), "1.0.0", "retired", null, default));

    [Fact]
    public Task ThePermissionIsCheckedBeforeTheRequest() =>
        AssertRefusedAsync(403, "You do not have publish or edit permissions for this server. Your token grants publish for: org.other/*",
            () => host.Statuses.SetVersionStatusAsync(TestTokens.Bearer(host.Tokens.Stranger()), NewName(), "1.0.0", "retired", null, default));

    [Theory]
    [InlineData("retired", null, 422)]
    [InlineData(null, null, 422)]
    [InlineData("deprecated", "501", 422)]
    [InlineData("active", "back again", 400)]
    public async Task TheRequestIsJudgedBeforeTheMirroredName(string? status, string? message, int expected)
    {
        var name = NewName();
        await host.MirrorAsync(name);

        var refusal = await Assert.ThrowsAsync<Domain.Errors.RegistryException>(() => host.Statuses.SetVersionStatusAsync(
            Publisher, name, "1.0.0", status, message == "501" ? new string('m', 501) : message, default));

        Assert.Equal(expected, refusal.Status);
    }

    [Fact]
    public async Task AMirroredNameKeepsItsUpstreamStatus()
    {
        var name = NewName();
        await host.MirrorAsync(name);

        await AssertRefusedAsync(400, Failed, $"server {name} is mirrored from an upstream registry; publish and change it there",
            () => host.Statuses.SetAllVersionsStatusAsync(Publisher, name, "deprecated", null, default));
    }

    [Fact]
    public Task AnUnknownVersionIsNotFound() =>
        AssertRefusedAsync(404, "Server version not found", () => host.Statuses.SetVersionStatusAsync(Publisher, NewName(), "1.0.0", "deprecated", null, default));

    [Fact]
    public Task AnUnknownNameIsNotFound() =>
        AssertRefusedAsync(404, "Server not found", () => host.Statuses.SetAllVersionsStatusAsync(Publisher, NewName(), "deprecated", null, default));

    [Fact]
    public async Task AChangeThatChangesNothingIsRefused()
    {
        var name = await PublishedAsync(Minimal(NewName()));

        await AssertRefusedAsync(400, "No changes to apply: status is already active",
            () => host.Statuses.SetVersionStatusAsync(Publisher, name, "1.0.0", "active", "", default));
    }

    [Fact]
    public async Task ReactivatingAVersionClaimsItsRemoteUrlAgain()
    {
        var url = $"https://{Guid.NewGuid():N}.example.com/mcp";
        var first = await PublishedAsync(WithRemote(NewName(), url));
        await host.Statuses.DeleteVersionAsync(Publisher, first, "1.0.0", default);
        var second = await PublishedAsync(WithRemote(NewName(), url));

        await AssertRefusedAsync(400, Failed, $"remote URL {url} is already used by server {second}",
            () => host.Statuses.SetVersionStatusAsync(Publisher, first, "1.0.0", "active", null, default));
    }

    [Fact]
    public async Task EveryVersionIsDeprecatedWithItsMessage()
    {
        var name = await PublishedAsync(Minimal(NewName()));
        await host.Publisher.PublishAsync(Publisher, Minimal(name, "2.0.0"), default);

        var changed = await host.Statuses.SetAllVersionsStatusAsync(Publisher, name, "deprecated", "use com.example/next", default);

        Assert.Equal(2, changed.UpdatedCount);
        Assert.All(changed.Servers, s => Assert.Equal(("deprecated", "use com.example/next"), (s.Meta.Official.Status, s.Meta.Official.StatusMessage)));
    }

    [Fact]
    public async Task AnEditorMayChangeTheStatusWithoutPublishingRights()
    {
        var name = await PublishedAsync(Minimal(NewName()));

        var changed = await host.Statuses.SetVersionStatusAsync(TestTokens.Bearer(host.Tokens.Editor()), name, "1.0.0", "deprecated", null, default);

        Assert.Equal("deprecated", changed.Meta.Official.Status);
    }

    private string Publisher => TestTokens.Bearer(host.Tokens.Publisher());

    private async Task<string> PublishedAsync(System.Text.Json.Nodes.JsonObject document)
    {
        await host.Publisher.PublishAsync(Publisher, document, default);
        return document["name"]!.GetValue<string>();
    }
}
