namespace Registry.Domain.Errors;

/// <summary>Refusals of operator annotations (an extension): a bad key or body is 400, an absent one 404.</summary>
public static partial class RegistryErrors
{
    public static RegistryException InvalidAnnotationKeyEncoding() => new(400, "Invalid annotation key encoding");

    public static RegistryException InvalidAnnotationKey(string reason) =>
        Refused(WriteOperation.Annotate, reason);

    public static RegistryException InvalidAnnotationValue(string reason) =>
        Refused(WriteOperation.Annotate, reason);

    public static RegistryException AnnotationNotFound() => new(404, "Annotation not found");

    /// <summary>A malformed <c>annotation</c> list parameter, a 422 like the list's other parameter errors.</summary>
    public static RegistryException InvalidAnnotationFilter(string reason, string filter) =>
        ValidationFailed(new ErrorDetail(reason, "query.annotation", filter));
}
