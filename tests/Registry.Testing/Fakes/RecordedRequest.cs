namespace Registry.Testing.Fakes;

/// <summary>One request a fake HTTP server received, in arrival order.</summary>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    string? Authorization,
    string? Accept,
    string? UserAgent,
    string? ContentType,
    string Body);
