namespace Registry.Data.Seeding;

/// <summary>A server version to import, with the registry metadata it carried if it came from a registry.</summary>
public sealed record SeedEntry(string Name, string Version, string Document, SeedOfficialMeta? Official);

/// <summary>The <c>io.modelcontextprotocol.registry/official</c> block of an imported entry.</summary>
public sealed record SeedOfficialMeta(
    string Status,
    string? StatusMessage,
    DateTimeOffset? StatusChangedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? UpdatedAt,
    bool IsLatest);
