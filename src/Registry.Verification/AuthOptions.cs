namespace Registry.Verification;

/// <summary>
/// The <c>Registry:Auth</c> section. Every outside address (GitHub's API, the Actions token issuer, the DNS
/// resolver, the well-known URL) is configuration, so tests point them at fakes on 127.0.0.1.
/// </summary>
public sealed class AuthOptions : IBoundOptions
{
    public static string Section => "Registry:Auth";

    /// <summary>The Ed25519 signing seed, 64 hex characters. Required.</summary>
    public string JwtPrivateKey { get; set; } = "";

    public bool HasSigningSeed => JwtPrivateKey is { Length: 64 } && JwtPrivateKey.All(Uri.IsHexDigit);

    /// <summary>POST /auth/none; off unless an operator turns it on (the development AppHost does).</summary>
    public bool AnonymousEnabled { get; set; }

    public GitHubOptions GitHub { get; set; } = new();
    public GitHubOidcOptions GitHubOidc { get; set; } = new();
    public AdminOidcOptions Oidc { get; set; } = new();
    public DnsProofOptions Dns { get; set; } = new();
    public HttpProofOptions Http { get; set; } = new();
}

public sealed class GitHubOptions
{
    public string ApiBaseUrl { get; set; } = "https://api.github.com";
}

public sealed class GitHubOidcOptions
{
    public string Issuer { get; set; } = "https://token.actions.githubusercontent.com";
    public string JwksUrl { get; set; } = "https://token.actions.githubusercontent.com/.well-known/jwks";
    public string Audience { get; set; } = "mcp-registry";

    /// <summary>An unknown key id triggers a JWKS refresh at most this often, so bad tokens cannot hammer the issuer.</summary>
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class AdminOidcOptions
{
    /// <summary>The issuer whose discovery document is read; the route answers 404 while this is empty.</summary>
    public string Issuer { get; set; } = "";
    public string ClientId { get; set; } = "";

    /// <summary>JSON array of objects whose key/value pairs must all appear as claims, e.g. <c>[{"hd":"example.com"}]</c>.</summary>
    public string ExtraClaims { get; set; } = "";

    /// <summary>Comma-separated patterns, e.g. <c>*</c>.</summary>
    public string PublishPermissions { get; set; } = "";
    public string EditPermissions { get; set; } = "";

    /// <summary>Comma-separated name patterns administrators may read where visibility rules hide names, e.g. <c>com.acme.*</c>.</summary>
    public string ReadPermissions { get; set; } = "";

    /// <summary>Comma-separated annotation key patterns administrators may annotate with, e.g. <c>com.acme.registry/*</c>.</summary>
    public string AnnotatePermissions { get; set; } = "";

    /// <summary>Administrators may read the audit trail.</summary>
    public bool AuditAccess { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>An unknown key id triggers a fetch of the issuer's keys at most this often.</summary>
    public TimeSpan KeyRefreshMinInterval { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);
}

public sealed class DnsProofOptions
{
    /// <summary><c>host:port</c> of the resolver to ask; the system resolvers when empty.</summary>
    public string Resolver { get; set; } = "";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);
}

public sealed class HttpProofOptions
{
    public string WellKnownUrlTemplate { get; set; } = "https://{domain}/.well-known/mcp-registry-auth";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    public int MaxBodyBytes { get; set; } = 4096;

    /// <summary>Loopback and private addresses are refused unless allowed (tests allow them).</summary>
    public bool AllowPrivateAddresses { get; set; }
}
