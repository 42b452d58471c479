using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Registry.Caching;
using Registry.Contracts.V0;
using Registry.Data.Annotations;
using Registry.Domain.Errors;
using Registry.Domain.Names;
using Registry.Publish.Publishing;

using Registry.ServiceHosting;

namespace Registry.Publish.Grpc;

/// <summary>
/// The operator-annotation extension; the rules live in <see cref="Annotator"/> and Domain. A successful write drops
/// the cached answers of its name before it is answered, as every write does.
/// </summary>
public sealed class AnnotationsService(Annotator annotator, AnnotationStore store, CallerViews views, CacheGenerations cache)
    : Annotations.AnnotationsBase
{
    public override Task<Annotation> SetServerAnnotation(SetAnnotationRequest request, ServerCallContext context) =>
        SetAsync(request, version: null, context);

    public override Task<Annotation> SetVersionAnnotation(SetAnnotationRequest request, ServerCallContext context) =>
        SetAsync(request, DecodeVersion(request.Version), context);

    public override Task<RemoveAnnotationResponse> RemoveServerAnnotation(RemoveAnnotationRequest request, ServerCallContext context) =>
        RemoveAsync(request, version: null, context);

    public override Task<RemoveAnnotationResponse> RemoveVersionAnnotation(RemoveAnnotationRequest request, ServerCallContext context) =>
        RemoveAsync(request, DecodeVersion(request.Version), context);

    public override async Task<AnnotationList> ListAnnotations(ListAnnotationsRequest request, ServerCallContext context)
    {
        var name = DecodeName(request.ServerName);
        var visible = (await views.OfAsync(context)).CanSee(name);
        var annotations = (visible ? await store.ListAsync(name, context.CancellationToken) : null) ?? throw RegistryErrors.ServerNotFound();
        var list = new AnnotationList();
        list.Annotations.AddRange(annotations.Select(ToMessage));
        if (list.Annotations.Count == 0)
        {
            ServiceHosting.EmptyArrayFields.Mark(context, "annotations");
        }

        return list;
    }

    private async Task<Annotation> SetAsync(SetAnnotationRequest request, string? version, ServerCallContext context)
    {
        var name = DecodeName(request.ServerName);
        var stored = await annotator.SetAsync(AuthorizationOf(context), name, version, DecodeKey(request.Key), request.Value, context.CancellationToken);
        await cache.InvalidateAsync([name]);
        return ToMessage(stored);
    }

    private async Task<RemoveAnnotationResponse> RemoveAsync(RemoveAnnotationRequest request, string? version, ServerCallContext context)
    {
        var name = DecodeName(request.ServerName);
        var affected = await annotator.RemoveAsync(AuthorizationOf(context), name, version, DecodeKey(request.Key), context.CancellationToken);
        await cache.InvalidateAsync([name]);
        return new RemoveAnnotationResponse { AffectedVersions = affected };
    }

    private static Annotation ToMessage(StoredAnnotation annotation)
    {
        var message = new Annotation
        {
            ServerName = annotation.Name,
            Key = annotation.Key,
            ValueJson = annotation.ValueJson,
            UpdatedBy = annotation.UpdatedBy,
            UpdatedAt = Timestamp.FromDateTimeOffset(annotation.UpdatedAt),
        };
        if (annotation.Version is { } version)
        {
            message.Version = version;
        }

        return message;
    }

    private static string? AuthorizationOf(ServerCallContext context) => context.RequestHeaders.GetValue("authorization");

    private static string DecodeName(string raw) => Decode(raw, RegistryErrors.InvalidServerNameEncoding);

    private static string DecodeVersion(string raw) => Decode(raw, RegistryErrors.InvalidVersionEncoding);

    private static string DecodeKey(string raw) => Decode(raw, RegistryErrors.InvalidAnnotationKeyEncoding);

    private static string Decode(string raw, Func<RegistryException> invalid) =>
        PathParameter.TryDecode(raw, out var decoded) ? decoded : throw invalid();
}
