namespace Registry.Data.Writes;

/// <summary>A validated server.json ready to store: the stored JSON text and the remote URLs it claims.</summary>
public sealed record NewServerVersion(string Name, string Version, string Document, IReadOnlyList<string> RemoteUrls);
