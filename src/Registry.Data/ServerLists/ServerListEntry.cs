namespace Registry.Data.ServerLists;

/// <summary>A server version read from a list response or a seed file, with the registry metadata it carried if any.</summary>
public sealed record ServerListEntry(string Name, string Version, string Document, ServerListOfficialMeta? Official);

/// <summary>The <c>io.modelcontextprotocol.registry/official</c> block of a listed entry.</summary>
public sealed record ServerListOfficialMeta(
    string Status,
    string? StatusMessage,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    bool IsLatest);
