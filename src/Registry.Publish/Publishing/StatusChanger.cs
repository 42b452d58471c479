using Grpc.Core;
using Registry.Contracts.V0;
using Registry.Data.Rendering;
using Registry.Data.Writes;
using Registry.Domain.Errors;
using Registry.Domain.Versions;
using Registry.Publish.Auth;

namespace Registry.Publish.Publishing;

/// <summary>Status changes of one version or of every version (SPEC §2 and §7).</summary>
public sealed class StatusChanger(WriteAuthorization authorization, ServerWriteStore store, MirroredNamePolicy mirrored)
{
    private const int MaxMessageLength = 500;
    private const string StatusFailed = "Failed to update server status";

    public async Task<ServerResponse> SetVersionStatusAsync(string name, string version, string? status, string? message, ServerCallContext context)
    {
        var claims = authorization.Authenticate(context);
        WriteAuthorization.RequirePublishOrEdit(claims, name);
        var newStatus = RequireValidRequest(status, message);
        await mirrored.RequireLocallyWritableAsync(name, StatusFailed, context.CancellationToken);
        var record = await ChangeAsync(() => store.SetVersionStatusAsync(name, version, newStatus, message, context.CancellationToken))
            ?? throw new RegistryException(404, "Server version not found");
        return ServerResponseMapper.ToResponse(record);
    }

    /// <summary>DELETE on a version: exactly the status change to deleted without a message.</summary>
    public Task<ServerResponse> DeleteVersionAsync(string name, string version, ServerCallContext context) =>
        SetVersionStatusAsync(name, version, ServerStatus.Deleted, null, context);

    public async Task<AllVersionsStatusResponse> SetAllVersionsStatusAsync(string name, string? status, string? message, ServerCallContext context)
    {
        var claims = authorization.Authenticate(context);
        WriteAuthorization.RequirePublishOrEdit(claims, name);
        var newStatus = RequireValidRequest(status, message);
        await mirrored.RequireLocallyWritableAsync(name, StatusFailed, context.CancellationToken);
        var records = await ChangeAsync(() => store.SetAllVersionsStatusAsync(name, newStatus, message, context.CancellationToken))
            ?? throw RegistryErrors.ServerNotFound();
        var response = new AllVersionsStatusResponse { UpdatedCount = records.Count };
        response.Servers.AddRange(records.Select(ServerResponseMapper.ToResponse));
        return response;
    }

    private static string RequireValidRequest(string? status, string? message)
    {
        if (status is null || !ServerStatus.IsKnown(status))
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail(
                "expected value to be one of \"active, deprecated, deleted\"", "body.status", status));
        }

        if (message is { Length: > MaxMessageLength })
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail($"expected length <= {MaxMessageLength}", "body.statusMessage"));
        }

        if (status == ServerStatus.Active && !string.IsNullOrEmpty(message))
        {
            throw new RegistryException(400, "statusMessage cannot be set when status is active");
        }

        return status;
    }

    private static async Task<T> ChangeAsync<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (ServerWriteException ex) when (ex.NoChanges)
        {
            throw new RegistryException(400, ex.Message);
        }
        catch (ServerWriteException ex)
        {
            throw new RegistryException(400, StatusFailed, [new ErrorDetail(ex.Message)]);
        }
    }
}
