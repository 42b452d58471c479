using Grpc.Core;
using Registry.Caching;
using Registry.Contracts.V0;
using Registry.Domain.Errors;
using Registry.Domain.Names;
using Registry.Domain.Validation;
using DomainIssue = Registry.Domain.Validation.ValidationIssue;
using Registry.Publish.Documents;
using Registry.Publish.Publishing;

namespace Registry.Publish.Grpc;

/// <summary>
/// The write API; the rules live in <see cref="ServerPublisher"/>, <see cref="StatusChanger"/> and Domain. Every
/// successful write drops the cached answers it made stale before it is answered, so no read after it is stale.
/// </summary>
public sealed class PublishService(ServerPublisher publisher, StatusChanger statuses, ServerJsonValidator validator, CacheGenerations cache)
    : Contracts.V0.Publish.PublishBase
{
    public override async Task<ServerResponse> PublishServer(PublishServerRequest request, ServerCallContext context)
    {
        var published = await publisher.PublishAsync(AuthorizationOf(context), RequestDocument.Parse(request.Document), context.CancellationToken);
        await cache.InvalidateAsync([published.Server.Name]);
        return published;
    }

    public override async Task<ServerResponse> EditServerVersion(EditServerVersionRequest request, ServerCallContext context)
    {
        var edited = await publisher.EditAsync(AuthorizationOf(context), Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding),
            Decode(request.Version, RegistryErrors.InvalidVersionEncoding), RequestDocument.Parse(request.Document), context.CancellationToken);
        await cache.InvalidateAsync([edited.Server.Name]);
        return edited;
    }

    public override async Task<ServerResponse> UpdateVersionStatus(UpdateVersionStatusRequest request, ServerCallContext context)
    {
        var name = Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding);
        var updated = await statuses.SetVersionStatusAsync(AuthorizationOf(context), name, Decode(request.Version, RegistryErrors.InvalidVersionEncoding),
            request.HasStatus ? request.Status : null, request.HasStatusMessage ? request.StatusMessage : null, context.CancellationToken);
        await cache.InvalidateAsync([name]);
        return updated;
    }

    public override async Task<ServerResponse> DeleteServerVersion(DeleteServerVersionRequest request, ServerCallContext context)
    {
        var name = Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding);
        var deleted = await statuses.DeleteVersionAsync(AuthorizationOf(context), name,
            Decode(request.Version, RegistryErrors.InvalidVersionEncoding), context.CancellationToken);
        await cache.InvalidateAsync([name]);
        return deleted;
    }

    public override async Task<AllVersionsStatusResponse> UpdateServerStatus(UpdateServerStatusRequest request, ServerCallContext context)
    {
        var name = Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding);
        var updated = await statuses.SetAllVersionsStatusAsync(AuthorizationOf(context), name,
            request.HasStatus ? request.Status : null, request.HasStatusMessage ? request.StatusMessage : null, context.CancellationToken);
        await cache.InvalidateAsync([name]);
        return updated;
    }

    /// <summary>Always 200: the answer says whether the document is valid and lists every issue found.</summary>
    public override Task<ValidationResult> ValidateServer(ValidateServerRequest request, ServerCallContext context)
    {
        IReadOnlyList<DomainIssue> issues = RequestDocument.TryParse(request.Document, out var document, out var error)
            ? validator.ValidateAll(document)
            : [new DomainIssue(IssueTypes.Json, "", error, IssueSeverities.Error, "invalid-json")];
        var result = new ValidationResult { Valid = !ServerJsonValidator.HasErrors(issues) };
        result.Issues.AddRange(issues.Select(i => new Contracts.V0.ValidationIssue
        {
            Type = i.Type,
            Path = i.Path,
            Message = i.Message,
            Severity = i.Severity,
            Reference = i.Reference,
        }));
        if (result.Issues.Count == 0)
        {
            ServiceHosting.EmptyArrayFields.Mark(context, "issues");
        }

        return Task.FromResult(result);
    }

    /// <summary>The bearer token travels in this header for native gRPC and transcoded REST calls alike.</summary>
    private static string? AuthorizationOf(ServerCallContext context) => context.RequestHeaders.GetValue("authorization");

    private static string Decode(string raw, Func<RegistryException> invalid) =>
        PathParameter.TryDecode(raw, out var decoded) ? decoded : throw invalid();
}
