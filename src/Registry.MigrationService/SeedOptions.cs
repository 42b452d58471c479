namespace Registry.MigrationService;

public sealed class SeedOptions : IBoundOptions
{
    public static string Section => "Registry";

    /// <summary>A file path or an http(s) URL of seed data in the list-response shape; nothing is imported when empty.</summary>
    public string? SeedFrom { get; set; }
}
