using Registry.Auth.Tokens;

namespace Registry.Publish.Telemetry;

/// <summary>The checks a write passes, in the words its log and span use to say which one refused it.</summary>
public static class WriteGates
{
    public const string Start = "start";
    public const string Schema = "schema";
    public const string Authentication = "authentication";
    public const string Permission = "permission";
    public const string PathMatch = "path-match";
    public const string StatusRequest = "status-request";
    public const string AnnotationKey = "annotation-key";
    public const string AnnotationValue = "annotation-value";
    public const string Semantics = "semantics";
    public const string MirroredName = "mirrored-name";
    public const string PublisherMetadata = "publisher-metadata";
    public const string VersionLookup = "version-lookup";
    public const string PackageOwnership = "package-ownership";
    public const string Store = "store";
}

/// <summary>The gate a write has reached; the one it is at when it throws is the one that refused it.</summary>
public sealed class WriteProgress
{
    public string Gate { get; private set; } = WriteGates.Start;

    public void Reached(string gate) => Gate = gate;

    /// <summary>The caller's token, once the write has authenticated it; null before (or when it had none).</summary>
    public RegistryTokenClaims? Claims { get; private set; }

    public void Authenticated(RegistryTokenClaims claims) => Claims = claims;
}
