namespace Registry.Verification;

/// <summary>Where and how package ownership is checked at publish; bound from <see cref="Section"/>.</summary>
public sealed class PackageOptions : IBoundOptions
{
    public static string Section => "Registry:Packages";

    /// <summary>The switch: false skips every check.</summary>
    public bool Enabled { get; set; } = true;

    public string NpmBaseUrl { get; set; } = "https://npm.registry.example";

    public string PyPiBaseUrl { get; set; } = "https://pypi.registry.example";

    public string NuGetServiceIndexUrl { get; set; } = "https://nuget.registry.example/v3/index.json";

    public string CratesBaseUrl { get; set; } = "https://crates.registry.example";

    public static readonly IReadOnlyList<string> DefaultOciAllowedRegistries = ["oci.registry.example"];
    public static readonly IReadOnlyList<string> DefaultMcpbAllowedHosts = ["github.com", "www.github.com", "gitlab.com", "www.gitlab.com"];

    /// <summary>
    /// Registry hosts (optionally with a port); an entry "*.example.com" allows every subdomain. The configured lists
    /// start empty because configuration binding appends to a list's initial items; the defaults apply while empty.
    /// </summary>
    public List<string> OciAllowedRegistries { get; set; } = [];

    public IReadOnlyList<string> EffectiveOciAllowedRegistries =>
        OciAllowedRegistries.Count == 0 ? DefaultOciAllowedRegistries : OciAllowedRegistries;

    public string OciScheme { get; set; } = "https";

    public List<string> McpbAllowedHosts { get; set; } = [];

    public IReadOnlyList<string> EffectiveMcpbAllowedHosts => McpbAllowedHosts.Count == 0 ? DefaultMcpbAllowedHosts : McpbAllowedHosts;

    public bool McpbAllowHttp { get; set; }

    /// <summary>
    /// Hosts a registry may redirect downloads to (blob storage, release CDNs), besides its own; "*.x" allows
    /// subdomains. Empty by default: an operator lists the storage hosts of the registries they allow.
    /// </summary>
    public List<string> RedirectAllowedHosts { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxResponseBytes { get; set; } = 4 * 1024 * 1024;

    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Checks run at once for one publish.</summary>
    public int MaxConcurrentChecks { get; set; } = 4;
}
