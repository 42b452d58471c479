using Registry.Domain.Errors;

namespace Registry.ServiceHosting;

/// <summary>An RFC 7807 body as the official registry writes it: title, status, detail, and errors when known.</summary>
public sealed record RegistryProblem(int Status, string Detail, IReadOnlyList<ErrorDetail> Errors)
{
    public static RegistryProblem From(RegistryException exception) => new(exception.Status, exception.Detail, exception.Errors);
}
