using static Registry.Publish.Tests.Refusals;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>
/// Edit: request schema, token, edit permission, path and body match, semantics, mirrored name, the version's
/// existence, package ownership (skipped for a deleted version), then the database's rules.
/// </summary>
[Collection(PublishHostCollection.Name)]
public sealed class EditGateOrderTests(PublishHost host)
{
    private const string Failed = "Failed to edit server";

    [Fact]
    public Task TheRequestSchemaIsCheckedBeforeTheToken() =>
        AssertRefusedAsync(422, "validation failed", () => host.Publisher.EditAsync(null, "com.example/x", "1.0.0", WithoutDescription("com.example/x"), default));

    [Fact]
    public async Task PublishingRightsDoNotAllowAnEdit()
    {
        var name = await PublishedAsync();

        await AssertRefusedAsync(403, $"You do not have permission to edit {name}. Your token grants no edit permissions.",
            () => host.Publisher.EditAsync(TestTokens.Bearer(host.Tokens.Publisher()), name, "1.0.0", Minimal(name), default));
    }

    [Fact]
    public async Task TheBodyMustNameThePathsVersionBeforeItsRulesAreChecked()
    {
        var name = await PublishedAsync();

        await AssertRefusedAsync(400, Failed, "the name and version in the body must match the path",
            () => host.Publisher.EditAsync(Administrator, name, "1.0.0", WithReservedVersion(name), default));
    }

    [Fact]
    public async Task TheSemanticRulesApplyToAnEdit()
    {
        var name = NewName();

        await AssertRefusedAsync(422, Failed + ", invalid schema: call /validate for details",
            () => host.Publisher.EditAsync(Administrator, name, "latest", WithReservedVersion(name), default));
    }

    [Fact]
    public async Task AMirroredNameCannotBeEditedEvenWhenTheVersionIsUnknown()
    {
        var name = NewName();
        await host.MirrorAsync(name);

        await AssertRefusedAsync(400, Failed, $"server {name} is mirrored from an upstream registry; publish and change it there",
            () => host.Publisher.EditAsync(Administrator, name, "1.0.0", Minimal(name), default));
    }

    [Fact]
    public Task AnUnknownVersionIsNotFound()
    {
        var name = NewName();
        return AssertRefusedAsync(404, "Server version not found", () => host.Publisher.EditAsync(Administrator, name, "1.0.0", Minimal(name), default));
    }

    [Fact]
    public async Task TheEditedPackagesMustBelongToTheServer()
    {
        var name = await PublishedAsync();
        host.Verification.Refuse(name, "registry validation failed for package 0 (@example/server): not yours");

        await AssertRefusedAsync(400, Failed, "registry validation failed for package 0 (@example/server): not yours",
            () => host.Publisher.EditAsync(Administrator, name, "1.0.0", WithNpmPackage(name), default));
    }

    [Fact]
    public async Task ADeletedVersionIsEditedWithoutAskingAboutItsPackages()
    {
        var name = await PublishedAsync();
        await host.Statuses.DeleteVersionAsync(Administrator, name, "1.0.0", default);
        host.Verification.Refuse(name, "registry validation failed for package 0 (@example/server): not yours");

        var edited = await host.Publisher.EditAsync(Administrator, name, "1.0.0", WithNpmPackage(name), default);

        Assert.Equal("deleted", edited.Meta.Official.Status);
        Assert.Empty(host.Verification.RequestsFor(name));
    }

    [Fact]
    public async Task AnEditReplacesTheDocumentAndKeepsThePublicationTime()
    {
        var name = await PublishedAsync();
        var published = (await host.Publisher.EditAsync(Administrator, name, "1.0.0", Minimal(name), default)).Meta.Official.PublishedAt;
        var changed = Minimal(name);
        changed["description"] = "Edited by an administrator";

        var edited = await host.Publisher.EditAsync(Administrator, name, "1.0.0", changed, default);

        Assert.Equal(("Edited by an administrator", published), (edited.Server.Description, edited.Meta.Official.PublishedAt));
    }

    private string Administrator => TestTokens.Bearer(host.Tokens.Administrator());

    private async Task<string> PublishedAsync()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(Administrator, Minimal(name), default);
        return name;
    }
}
