using Grpc.Core;
using Registry.Contracts.V0;
using Registry.Domain.Errors;
using Registry.Domain.Names;
using Registry.Domain.Validation;
using DomainIssue = Registry.Domain.Validation.ValidationIssue;
using Registry.Publish.Documents;
using Registry.Publish.Publishing;

namespace Registry.Publish.Grpc;

/// <summary>The write API; the rules live in <see cref="ServerPublisher"/>, <see cref="StatusChanger"/> and Domain.</summary>
public sealed class PublishService(ServerPublisher publisher, StatusChanger statuses, ServerJsonValidator validator)
    : Contracts.V0.Publish.PublishBase
{
    public override Task<ServerResponse> PublishServer(PublishServerRequest request, ServerCallContext context) =>
        publisher.PublishAsync(RequestDocument.Parse(request.Document), context);

    public override Task<ServerResponse> EditServerVersion(EditServerVersionRequest request, ServerCallContext context) =>
        publisher.EditAsync(Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding),
            Decode(request.Version, RegistryErrors.InvalidVersionEncoding), RequestDocument.Parse(request.Document), context);

    public override Task<ServerResponse> UpdateVersionStatus(UpdateVersionStatusRequest request, ServerCallContext context) =>
        statuses.SetVersionStatusAsync(Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding),
            Decode(request.Version, RegistryErrors.InvalidVersionEncoding),
            request.HasStatus ? request.Status : null, request.HasStatusMessage ? request.StatusMessage : null, context);

    public override Task<AllVersionsStatusResponse> UpdateServerStatus(UpdateServerStatusRequest request, ServerCallContext context) =>
        statuses.SetAllVersionsStatusAsync(Decode(request.ServerName, RegistryErrors.InvalidServerNameEncoding),
            request.HasStatus ? request.Status : null, request.HasStatusMessage ? request.StatusMessage : null, context);

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

    private static string Decode(string raw, Func<RegistryException> invalid) =>
        PathParameter.TryDecode(raw, out var decoded) ? decoded : throw invalid();
}
