using System.Text.Json.Nodes;
using Grpc.Core;
using Registry.Contracts.V0;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Data.Writes;
using Registry.Domain.Errors;
using Registry.Domain.Versions;
using Registry.Publish.Auth;
using Registry.Publish.Documents;

namespace Registry.Publish.Publishing;

/// <summary>
/// Publish and edit, checked in the official order: document schema (422), token (401), permission (403),
/// schema version and semantics (422), package ownership (400, via the verification service), then the
/// registry's rules in the database (400).
/// </summary>
public sealed class ServerPublisher(
    WriteAuthorization authorization,
    DocumentChecks checks,
    PackageOwnership packages,
    ServerReadStore reads,
    ServerWriteStore store,
    MirroredNamePolicy mirrored)
{
    private const string PublishFailed = "Failed to publish server";
    private const string EditFailed = "Failed to edit server";
    private const int MaxPublisherMetaBytes = 4096;

    public async Task<ServerResponse> PublishAsync(JsonObject document, ServerCallContext context)
    {
        checks.RequireSchemaValid(document);
        var claims = authorization.Authenticate(context);
        var name = RequestDocument.StringField(document, "name")!;
        WriteAuthorization.RequirePublish(claims, name);
        checks.RequireSemanticallyValid(document, PublishFailed);
        await mirrored.RequireLocallyWritableAsync(name, PublishFailed, context.CancellationToken);

        if (StoredServerDocument.PublisherProvidedBytes(document) > MaxPublisherMetaBytes)
        {
            throw Failure(PublishFailed, $"_meta.{StoredServerDocument.PublisherProvidedKey} must not exceed {MaxPublisherMetaBytes} bytes");
        }

        await packages.RequireOwnedAsync(name, document, PublishFailed, context.CancellationToken);
        var record = await WriteAsync(PublishFailed, () => store.PublishAsync(ToNewVersion(document), context.CancellationToken));
        return ServerResponseMapper.ToResponse(record);
    }

    public async Task<ServerResponse> EditAsync(string name, string version, JsonObject document, ServerCallContext context)
    {
        checks.RequireSchemaValid(document);
        var claims = authorization.Authenticate(context);
        WriteAuthorization.RequireEdit(claims, name);
        if (RequestDocument.StringField(document, "name") != name || RequestDocument.StringField(document, "version") != version)
        {
            throw Failure(EditFailed, "the name and version in the body must match the path");
        }

        checks.RequireSemanticallyValid(document, EditFailed);
        await mirrored.RequireLocallyWritableAsync(name, EditFailed, context.CancellationToken);
        var current = await reads.GetVersionAsync(name, version, includeDeleted: true, context.CancellationToken)
            ?? throw new RegistryException(404, "Server version not found");
        if (current.Status != ServerStatus.Deleted)
        {
            await packages.RequireOwnedAsync(name, document, EditFailed, context.CancellationToken);
        }

        var record = await WriteAsync(EditFailed, () => store.EditAsync(ToNewVersion(document), context.CancellationToken))
            ?? throw new RegistryException(404, "Server version not found");
        return ServerResponseMapper.ToResponse(record);
    }

    private static NewServerVersion ToNewVersion(JsonObject document) => new(
        RequestDocument.StringField(document, "name")!,
        RequestDocument.StringField(document, "version")!,
        StoredServerDocument.Prepare(document),
        StoredServerDocument.RemoteUrls(document));

    private static async Task<T> WriteAsync<T>(string failure, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (ServerWriteException ex)
        {
            throw Failure(failure, ex.Message);
        }
    }

    private static RegistryException Failure(string detail, string cause) => new(400, detail, [new ErrorDetail(cause)]);
}
