using Google.Api;
using Registry.Contracts.V0;
using Registry.Data.Annotations;
using Registry.Domain.Annotations;
using Registry.Domain.Errors;
using Registry.Domain.Requests;
using Registry.Publish.Auth;
using Registry.Publish.Telemetry;

namespace Registry.Publish.Publishing;

/// <summary>
/// Operator annotations: token (401), key syntax (400), <c>annotate</c> on the key (403), the value (415, 400), then
/// the store (404). Mirrored names may be annotated: annotations are the operator's, not the publisher's.
/// </summary>
public sealed class Annotator(WriteAuthorization authorization, AnnotationStore store, WriteTelemetry telemetry)
{
    /// <param name="version">Null for the annotation every version of the name carries.</param>
    public Task<StoredAnnotation> SetAsync(
        string? authorizationHeader, string name, string? version, string key, HttpBody? value, CancellationToken cancellationToken) =>
        telemetry.TraceAsync(WriteOperation.Annotate, name, version ?? WriteTelemetry.AllVersions, key, async progress =>
        {
            var subject = Check(progress, authorizationHeader, key);
            progress.Reached(WriteGates.AnnotationValue);
            JsonMediaType.Require(value?.ContentType);
            var json = AnnotationValue.Parse(value is null ? [] : value.Data.Span);
            progress.Reached(WriteGates.Store);
            return await store.SetAsync(name, version, key, json, subject, cancellationToken);
        });

    /// <returns>How many versions' annotations changed.</returns>
    public Task<int> RemoveAsync(string? authorizationHeader, string name, string? version, string key, CancellationToken cancellationToken) =>
        telemetry.TraceAsync(WriteOperation.Annotate, name, version ?? WriteTelemetry.AllVersions, key, async progress =>
        {
            Check(progress, authorizationHeader, key);
            progress.Reached(WriteGates.Store);
            return await store.RemoveAsync(name, version, key, cancellationToken);
        });

    /// <summary>The gates before the value; the caller's subject, who the annotation is recorded as written by.</summary>
    private string Check(WriteProgress progress, string? authorizationHeader, string key)
    {
        progress.Reached(WriteGates.Authentication);
        var claims = authorization.Authenticate(authorizationHeader);
        progress.Authenticated(claims);
        progress.Reached(WriteGates.AnnotationKey);
        AnnotationKey.Require(key);
        progress.Reached(WriteGates.Permission);
        WriteAuthorization.RequireAnnotate(claims, key);
        return claims.Subject;
    }
}
