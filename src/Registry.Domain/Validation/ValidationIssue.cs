namespace Registry.Domain.Validation;

/// <summary>
/// One finding about a server.json document, shaped like an entry of the POST /validate response.
/// <paramref name="Path"/> uses the official style (<c>packages[0].transport.url</c>; "" for the document itself).
/// </summary>
public sealed record ValidationIssue(string Type, string Path, string Message, string Severity, string Reference);
