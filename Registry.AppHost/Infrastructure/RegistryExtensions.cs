namespace Registry.AppHost.Infrastructure;

/// <summary>
/// Our API extensions live under the prefix the official API reserves for them, <c>/v0.1/x/&lt;reverse-dns&gt;/</c>
/// (and <c>/v0/x/...</c>); this is our reverse-DNS name, chosen once. The change feed's routes are declared in
/// protos/registry/v0/catalog.proto with the same name.
/// </summary>
public static class RegistryExtensions
{
    public const string Namespace = "dev.mcpregistry";
}
