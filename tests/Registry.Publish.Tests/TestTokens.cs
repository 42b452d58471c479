using Registry.Auth.Permissions;
using Registry.Auth.Tokens;

namespace Registry.Publish.Tests;

/// <summary>Registry tokens signed with a key the test host trusts, and one it does not.</summary>
public sealed class TestTokens
{
    public const string Namespace = "com.example";

    private readonly string seed = Ed25519Keys.NewSeedHex();

    public string PublicKeyHex => Ed25519Keys.PublicKeyHexFromSeed(seed);

    /// <summary>May publish under <see cref="Namespace"/>, as a DNS login for example.com may.</summary>
    public string Publisher() => Issue(seed, new Permission(PermissionActions.Publish, Namespace + "/*"));

    /// <summary>May publish and edit under <see cref="Namespace"/>, as an administrator may.</summary>
    public string Administrator() => Issue(seed,
        new Permission(PermissionActions.Publish, Namespace + "/*"), new Permission(PermissionActions.Edit, Namespace + "/*"));

    /// <summary>May edit under <see cref="Namespace"/> but not publish there.</summary>
    public string Editor() => Issue(seed, new Permission(PermissionActions.Edit, Namespace + "/*"));

    /// <summary>May read the audit trail, and nothing else.</summary>
    public string Auditor() => Issue(seed, new Permission(PermissionActions.Audit, "*"));

    /// <summary>May annotate under <see cref="AnnotationNamespace"/>, as an administrator with annotation keys may; nothing else.</summary>
    public string Annotator() => Issue(seed, new Permission(PermissionActions.Annotate, AnnotationNamespace + "/*"));

    public const string AnnotationNamespace = "com.acme.registry";

    /// <summary>A good token for another namespace.</summary>
    public string Stranger() => Issue(seed, new Permission(PermissionActions.Publish, "org.other/*"));

    /// <summary>Well formed, but signed by a key the host does not know.</summary>
    public static string Forged() => Issue(Ed25519Keys.NewSeedHex(), new Permission(PermissionActions.Publish, "*"));

    public static string Bearer(string token) => "Bearer " + token;

    private static string Issue(string signingSeed, params Permission[] permissions) =>
        new RegistryTokenIssuer(Ed25519Keys.PrivateKeyFromHex(signingSeed), TimeProvider.System)
            .Issue(AuthMethods.Dns, "example.com", permissions).Token;
}
