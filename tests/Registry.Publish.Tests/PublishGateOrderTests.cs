using Grpc.Core;
using Registry.Domain.Publishing;
using static Registry.Publish.Tests.Refusals;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>
/// Publish refuses at the first gate a document fails, in the official order: request schema, token, permission,
/// schema version and semantics, mirrored name, publisher _meta cap, package ownership, then the database's rules.
/// Each test fails two gates and expects the earlier one to answer.
/// </summary>
[Collection(PublishHostCollection.Name)]
public sealed class PublishGateOrderTests(PublishHost host)
{
    private const string Failed = "Failed to publish server";

    [Fact]
    public Task TheRequestSchemaIsCheckedBeforeTheToken() =>
        AssertRefusedAsync(422, "validation failed", () => host.Publisher.PublishAsync(null, WithoutDescription(NewName()), default));

    [Fact]
    public Task AWriteWithoutATokenIsUnauthorised() =>
        AssertRefusedAsync(401, "Authorization header is required", () => host.Publisher.PublishAsync(null, Minimal(NewName()), default));

    [Fact]
    public Task AnAuthorizationHeaderThatIsNotBearerIsUnauthorised() =>
        AssertRefusedAsync(401, "Invalid Authorization header format. Expected 'Bearer <token>'",
            () => host.Publisher.PublishAsync("Basic dXNlcjpwYXNz", Minimal(NewName()), default));

    [Fact]
    public Task ATokenSignedByAnotherKeyIsUnauthorised() =>
        AssertRefusedAsync(401, "Invalid or expired Registry JWT token", "token signature is not valid",
            () => host.Publisher.PublishAsync(TestTokens.Bearer(TestTokens.Forged()), Minimal(NewName()), default));

    [Fact]
    public async Task ThePermissionIsCheckedBeforeTheSemanticRules()
    {
        var name = NewName();
        var refusal = await AssertRefusedAsync(403, $"You do not have permission to publish {name}. Your token grants publish for: org.other/*",
            () => host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Stranger()), WithReservedVersion(name), default));
        Assert.Empty(refusal.Errors);
    }

    [Fact]
    public async Task TheSemanticRulesAreCheckedBeforeTheMirroredName()
    {
        var name = NewName();
        await host.MirrorAsync(name);

        var refusal = await AssertRefusedAsync(422, Failed + ", invalid schema: call /validate for details",
            () => host.Publisher.PublishAsync(Publisher, WithReservedVersion(name), default));
        Assert.Equal("body.version", Assert.Single(refusal.Errors).Location);
    }

    [Fact]
    public async Task AMirroredNameIsRefusedBeforeThePublisherMetadataCap()
    {
        var name = NewName();
        await host.MirrorAsync(name);

        await AssertRefusedAsync(400, Failed, $"server {name} is mirrored from an upstream registry; publish and change it there",
            () => host.Publisher.PublishAsync(Publisher, WithPublisherMetadata(Minimal(name), PublisherMetadata.MaxBytes + 1), default));
    }

    [Fact]
    public async Task ThePublisherMetadataCapIsCheckedBeforeThePackagesAreVerified()
    {
        var name = NewName();
        host.Verification.Refuse(name, "registry validation failed for package 0 (@example/server): not yours");

        await AssertRefusedAsync(400, Failed, $"_meta.{PublisherMetadata.Key} must not exceed 4096 bytes",
            () => host.Publisher.PublishAsync(Publisher, WithPublisherMetadata(WithNpmPackage(name), PublisherMetadata.MaxBytes + 1), default));
        Assert.Empty(host.Verification.RequestsFor(name));
    }

    [Fact]
    public async Task PackageOwnershipIsCheckedBeforeTheDatabaseRules()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(Publisher, WithNpmPackage(name), default);
        host.Verification.Refuse(name, "registry validation failed for package 0 (@example/server): not yours");

        await AssertRefusedAsync(400, Failed, "registry validation failed for package 0 (@example/server): not yours",
            () => host.Publisher.PublishAsync(Publisher, WithNpmPackage(name), default));
    }

    [Theory]
    [InlineData(StatusCode.Unavailable)]
    [InlineData(StatusCode.DeadlineExceeded)]
    public async Task AVerificationServiceThatCannotAnswerIsAServiceUnavailable(StatusCode failure)
    {
        var name = NewName();
        host.Verification.FailWith(name, failure);

        await AssertRefusedAsync(503, Failed, "package ownership could not be checked: verification service unavailable",
            () => host.Publisher.PublishAsync(Publisher, WithNpmPackage(name), default));
    }

    [Fact]
    public async Task APublishThatPassesEveryGateIsStoredAsTheLatestActiveVersion()
    {
        var name = NewName();

        var published = await host.Publisher.PublishAsync(Publisher, WithPublisherMetadata(WithNpmPackage(name), PublisherMetadata.MaxBytes), default);

        Assert.Equal((name, "1.0.0"), (published.Server.Name, published.Server.Version));
        Assert.Equal(("active", true), (published.Meta.Official.Status, published.Meta.Official.IsLatest));
        Assert.Equal("@example/server", Assert.Single(Assert.Single(host.Verification.RequestsFor(name)).Packages).Identifier);
    }

    private string Publisher => TestTokens.Bearer(host.Tokens.Publisher());
}
