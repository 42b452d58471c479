namespace Registry.Auth.Reading;

/// <summary>
/// Who may read the catalog (the <c>Registry:Read</c> section): everyone (<c>public</c>, the default) or only
/// callers with a valid token (<c>authenticated</c>), and which name prefixes only some callers may see.
/// </summary>
public sealed class ReadAccessOptions
{
    public const string Section = "Registry:Read";
    public const string Public = "public";
    public const string Authenticated = "authenticated";

    /// <summary><c>public</c> or <c>authenticated</c>.</summary>
    public string Access { get; set; } = Public;

    /// <summary>The issuer of OIDC access tokens accepted for reads; registry tokens are accepted either way.</summary>
    public ReadIssuerOptions Oidc { get; set; } = new();

    /// <summary>
    /// Name prefixes hidden from every caller whose token lacks the rule's claims, e.g. <c>com.acme.internal/</c> for
    /// tokens carrying <c>groups: acme-staff</c>. A hidden entry answers exactly as an absent one does.
    /// </summary>
    public List<VisibilityRuleOptions> Rules { get; set; } = [];

    /// <summary>The registry's public base URL, the <c>resource</c> of its protected-resource metadata; the request's own when empty.</summary>
    public string ResourceUrl { get; set; } = "";

    public bool RequiresAuthentication => string.Equals(Access, Authenticated, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads are open to all and nothing is hidden: a caller's token need not even be looked at.</summary>
    public bool IsOpen => !RequiresAuthentication && Rules.Count == 0;
}

public sealed class ReadIssuerOptions
{
    /// <summary>The issuer whose discovery document is read; OIDC access tokens are refused while this is empty.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>The <c>aud</c> access tokens must carry.</summary>
    public string Audience { get; set; } = "";

    /// <summary>The scope a token needs to read (in <c>scope</c> or <c>scp</c>).</summary>
    public string RequiredScope { get; set; } = ReadScopes.Read;

    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);
}

public sealed class VisibilityRuleOptions
{
    /// <summary>A name prefix, e.g. <c>com.acme.internal/</c> (a whole namespace) or <c>com.acme.</c>.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Claims a token must all carry to see the prefix; a claim holding an array matches when one item equals the value.</summary>
    public Dictionary<string, string> Claims { get; set; } = [];
}

/// <summary>The scopes of the official registry's authorization note.</summary>
public static class ReadScopes
{
    public const string Read = "mcp-registry:read";
    public const string Write = "mcp-registry:write";
}
