namespace Registry.Catalog;

/// <summary>What <c>/v0/health</c> and <c>/v0/version</c> report.</summary>
public sealed class RegistryInfoOptions : IBoundOptions
{
    public static string Section => "Registry";

    public string Version { get; set; } = "dev";
    public string GitCommit { get; set; } = "unknown";
    public string BuildTime { get; set; } = "unknown";

    /// <summary>The GitHub OAuth app publishers log in with (device flow); omitted from /health when empty.</summary>
    public string? GitHubClientId { get; set; }
}
