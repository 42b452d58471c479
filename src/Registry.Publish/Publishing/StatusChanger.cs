using Registry.Contracts.V0;
using Registry.Data.Rendering;
using Registry.Data.Writes;
using Registry.Domain.Errors;
using Registry.Domain.Versions;
using Registry.Publish.Auth;
using Registry.Publish.Telemetry;

namespace Registry.Publish.Publishing;

/// <summary>
/// Status changes of one version or of every version: token (401), publish or edit permission (403), the request's
/// rules (<see cref="StatusChange"/>), mirrored names, then the store (404, nothing to change, remote URL taken).
/// </summary>
public sealed class StatusChanger(WriteAuthorization authorization, ServerWriteStore store, MirroredNamePolicy mirrored, WriteTelemetry telemetry)
{
    /// <param name="authorizationHeader">The caller's <c>Authorization</c> header, null when it sent none.</param>
    public Task<ServerResponse> SetVersionStatusAsync(
        string? authorizationHeader, string name, string version, string? status, string? message, CancellationToken cancellationToken) =>
        telemetry.TraceAsync(WriteOperation.StatusChange, name, version, status, async progress =>
        {
            var change = await CheckAsync(progress, authorizationHeader, name, status, message, cancellationToken);
            var record = await ChangeAsync(change, () => store.SetVersionStatusAsync(name, version, change.Status, change.Message, cancellationToken))
                ?? throw RegistryErrors.ServerVersionNotFound();
            return ServerResponseMapper.ToResponse(record);
        });

    /// <summary>DELETE on a version: exactly the status change to deleted without a message.</summary>
    public Task<ServerResponse> DeleteVersionAsync(string? authorizationHeader, string name, string version, CancellationToken cancellationToken) =>
        SetVersionStatusAsync(authorizationHeader, name, version, StatusChange.Deletion.Status, StatusChange.Deletion.Message, cancellationToken);

    /// <param name="authorizationHeader">The caller's <c>Authorization</c> header, null when it sent none.</param>
    public Task<AllVersionsStatusResponse> SetAllVersionsStatusAsync(
        string? authorizationHeader, string name, string? status, string? message, CancellationToken cancellationToken) =>
        telemetry.TraceAsync(WriteOperation.StatusChange, name, WriteTelemetry.AllVersions, status, async progress =>
        {
            var change = await CheckAsync(progress, authorizationHeader, name, status, message, cancellationToken);
            var records = await ChangeAsync(change, () => store.SetAllVersionsStatusAsync(name, change.Status, change.Message, cancellationToken))
                ?? throw RegistryErrors.ServerNotFound();
            var response = new AllVersionsStatusResponse { UpdatedCount = records.Count };
            response.Servers.AddRange(records.Select(ServerResponseMapper.ToResponse));
            return response;
        });

    /// <summary>The gates before the store, in order; the request is judged only once the caller may change the name.</summary>
    private async Task<StatusChange> CheckAsync(
        WriteProgress progress, string? authorizationHeader, string name, string? status, string? message, CancellationToken cancellationToken)
    {
        progress.Reached(WriteGates.Authentication);
        var claims = authorization.Authenticate(authorizationHeader);
        progress.Authenticated(claims);
        progress.Reached(WriteGates.Permission);
        WriteAuthorization.RequirePublishOrEdit(claims, name);
        progress.Reached(WriteGates.StatusRequest);
        var change = StatusChange.From(status, message);
        progress.Reached(WriteGates.MirroredName);
        await mirrored.RequireLocallyWritableAsync(name, WriteOperation.StatusChange, cancellationToken);
        progress.Reached(WriteGates.Store);
        return change;
    }

    private static async Task<T> ChangeAsync<T>(StatusChange change, Func<Task<T>> write)
    {
        try
        {
            return await write();
        }
        catch (ServerWriteException ex) when (ex.NoChanges)
        {
            throw RegistryErrors.NothingToChange(change.Status);
        }
        catch (ServerWriteException ex)
        {
            throw RegistryErrors.Refused(WriteOperation.StatusChange, ex.Message);
        }
    }
}
