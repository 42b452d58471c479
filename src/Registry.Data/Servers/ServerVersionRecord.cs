namespace Registry.Data.Servers;

/// <summary>
/// A stored server version: the server.json document as JSON text, and the registry's columns. The document is the
/// row's wire rendering (<see cref="Rendering.ServerWireJson"/>) when it has one, otherwise the document as stored.
/// <see cref="Annotations"/> is the version's operator annotations as one JSON object by key, null when it has none
/// (or the row was read by a write).
/// </summary>
public sealed record ServerVersionRecord(
    string Name,
    string Version,
    string Status,
    string? StatusMessage,
    DateTimeOffset StatusChangedAt,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    bool IsLatest,
    string Document,
    bool DocumentIsWireJson = false,
    string? Annotations = null);
