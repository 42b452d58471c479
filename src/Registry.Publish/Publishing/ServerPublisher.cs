using System.Text.Json.Nodes;
using Registry.Contracts.V0;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Data.Writes;
using Registry.Domain.Errors;
using Registry.Domain.Publishing;
using Registry.Domain.Versions;
using Registry.Publish.Auth;
using Registry.Publish.Documents;
using Registry.Publish.Telemetry;

namespace Registry.Publish.Publishing;

/// <summary>
/// Publish and edit, checked in the official order: document schema (422), token (401), permission (403),
/// schema version and semantics (422), package ownership (400, via the verification service), then the
/// registry's rules in the database (400). The token is looked at only once the document passed its schema.
/// </summary>
public sealed class ServerPublisher(
    WriteAuthorization authorization,
    DocumentChecks checks,
    PackageOwnership packages,
    ServerReadStore reads,
    ServerWriteStore store,
    MirroredNamePolicy mirrored,
    WriteTelemetry telemetry)
{
    /// <param name="authorizationHeader">The caller's <c>Authorization</c> header, null when it sent none.</param>
    public Task<ServerResponse> PublishAsync(string? authorizationHeader, JsonObject document, CancellationToken cancellationToken) =>
        telemetry.TraceAsync(WriteOperation.Publish, RequestDocument.StringField(document, "name"),
            RequestDocument.StringField(document, "version"), status: null, async progress =>
            {
                progress.Reached(WriteGates.Schema);
                checks.RequireSchemaValid(document);
                progress.Reached(WriteGates.Authentication);
                var claims = authorization.Authenticate(authorizationHeader);
                progress.Authenticated(claims);
                var name = RequestDocument.StringField(document, "name")!;
                progress.Reached(WriteGates.Permission);
                WriteAuthorization.RequirePublish(claims, name);
                progress.Reached(WriteGates.Semantics);
                checks.RequireSemanticallyValid(document, WriteOperation.Publish);
                progress.Reached(WriteGates.MirroredName);
                await mirrored.RequireLocallyWritableAsync(name, WriteOperation.Publish, cancellationToken);
                progress.Reached(WriteGates.PublisherMetadata);
                PublisherMetadata.RequireWithinLimit(document);
                progress.Reached(WriteGates.PackageOwnership);
                await packages.RequireOwnedAsync(name, document, WriteOperation.Publish, cancellationToken);
                progress.Reached(WriteGates.Store);
                var record = await WriteAsync(WriteOperation.Publish, () => store.PublishAsync(ToNewVersion(document), cancellationToken));
                return ServerResponseMapper.ToResponse(record);
            });

    /// <param name="authorizationHeader">The caller's <c>Authorization</c> header, null when it sent none.</param>
    public Task<ServerResponse> EditAsync(
        string? authorizationHeader, string name, string version, JsonObject document, CancellationToken cancellationToken) =>
        telemetry.TraceAsync(WriteOperation.Edit, name, version, status: null, async progress =>
        {
            progress.Reached(WriteGates.Schema);
            checks.RequireSchemaValid(document);
            progress.Reached(WriteGates.Authentication);
            var claims = authorization.Authenticate(authorizationHeader);
            progress.Authenticated(claims);
            progress.Reached(WriteGates.Permission);
            WriteAuthorization.RequireEdit(claims, name);
            progress.Reached(WriteGates.PathMatch);
            EditTarget.RequireBodyMatchesPath(name, version,
                RequestDocument.StringField(document, "name"), RequestDocument.StringField(document, "version"));
            progress.Reached(WriteGates.Semantics);
            checks.RequireSemanticallyValid(document, WriteOperation.Edit);
            progress.Reached(WriteGates.MirroredName);
            await mirrored.RequireLocallyWritableAsync(name, WriteOperation.Edit, cancellationToken);
            progress.Reached(WriteGates.VersionLookup);
            var current = await reads.GetVersionAsync(name, version, includeDeleted: true, cancellationToken)
                ?? throw RegistryErrors.ServerVersionNotFound();
            if (current.Status != ServerStatus.Deleted)
            {
                progress.Reached(WriteGates.PackageOwnership);
                await packages.RequireOwnedAsync(name, document, WriteOperation.Edit, cancellationToken);
            }

            progress.Reached(WriteGates.Store);
            var record = await WriteAsync(WriteOperation.Edit, () => store.EditAsync(ToNewVersion(document), cancellationToken))
                ?? throw RegistryErrors.ServerVersionNotFound();
            return ServerResponseMapper.ToResponse(record);
        });

    private static NewServerVersion ToNewVersion(JsonObject document) => new(
        RequestDocument.StringField(document, "name")!,
        RequestDocument.StringField(document, "version")!,
        StoredServerDocument.Prepare(document),
        StoredServerDocument.RemoteUrls(document));

    /// <summary>The store words its refusals (duplicate version, remote URL taken, too many versions) itself.</summary>
    private static async Task<T> WriteAsync<T>(WriteOperation operation, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (ServerWriteException ex)
        {
            throw RegistryErrors.Refused(operation, ex.Message);
        }
    }
}
