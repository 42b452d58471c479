namespace Registry.Domain.Errors;

/// <summary>
/// A failure the caller caused or must be told about, carrying the HTTP status the official API answers with.
/// Services turn it into a problem+json body (REST) or a gRPC status (native callers).
/// </summary>
public sealed class RegistryException(int status, string detail, IReadOnlyList<ErrorDetail>? errors = null)
    : Exception(detail)
{
    public int Status { get; } = status;
    public string Detail { get; } = detail;
    public IReadOnlyList<ErrorDetail> Errors { get; } = errors ?? [];
}

/// <summary>One entry of the problem body's <c>errors</c> array.</summary>
public sealed record ErrorDetail(string Message, string? Location = null, object? Value = null);
