namespace Registry.Cli.Connection;

/// <summary>A service the CLI talks to, with the option and environment variable that give its address.</summary>
public sealed record ServiceKind(string Name, string OptionName, string EnvironmentVariable)
{
    public static readonly ServiceKind Catalog = new("catalog", "--catalog", "REGISTRY_CATALOG_GRPC");

    /// <summary>Publish also hosts the annotations and audit services.</summary>
    public static readonly ServiceKind Publish = new("publish", "--publish", "REGISTRY_PUBLISH_GRPC");

    public static readonly ServiceKind Verification = new("verification", "--verification", "REGISTRY_VERIFICATION_GRPC");

    public static readonly ServiceKind Mirror = new("mirror", "--mirror", "REGISTRY_MIRROR_URL");
}
