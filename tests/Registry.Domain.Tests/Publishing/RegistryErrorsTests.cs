using Registry.Domain.Errors;

namespace Registry.Domain.Tests.Publishing;

public class RegistryErrorsTests
{
    [Fact]
    public void APermissionRefusalListsThePatternsTheTokenGrants()
    {
        var refusal = RegistryErrors.PermissionDenied("publish", "com.example/server", ["com.other/*", "org.x/*"]);

        Assert.Equal(403, refusal.Status);
        Assert.Equal("You do not have permission to publish com.example/server. Your token grants publish for: com.other/*, org.x/*", refusal.Detail);
    }

    [Fact]
    public void APermissionRefusalOfAGitHubNameHintsAtPublicMembership() =>
        Assert.EndsWith("make your membership public and log in again.",
            RegistryErrors.PermissionDenied("edit", "io.github.acme/server", []).Detail);

    [Fact]
    public void ATokenWithoutAnyRightSaysSo() =>
        Assert.Equal("You do not have publish or edit permissions for this server. Your token grants no publish permissions.",
            RegistryErrors.PublishOrEditDenied([]).Detail);

    [Fact]
    public void EachWriteOperationHasItsOwnFailureDetail() =>
        Assert.Equal(
            ["Failed to publish server", "Failed to edit server", "Failed to update server status"],
            new[] { WriteOperation.Publish, WriteOperation.Edit, WriteOperation.StatusChange }.Select(o => RegistryErrors.Refused(o, "why").Detail));

    [Fact]
    public void ARemoteUrlTakenNamesTheUrlAndItsOwner() =>
        Assert.Equal("remote URL https://mcp.example.com is already used by server com.example/other",
            Assert.Single(RegistryErrors.RemoteUrlTaken(WriteOperation.Edit, "https://mcp.example.com", "com.example/other").Errors).Message);
}
