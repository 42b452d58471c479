using Microsoft.Extensions.Configuration;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// How many processes of each replicable service the AppHost starts: <c>Registry:Replicas</c> for all four, and
/// <c>Registry:Replicas:Gateway</c> (<c>Catalog</c>, <c>Publish</c>, <c>Verification</c>) for one of them. The
/// migrations, the mirror, the MCP server, the web catalog and the backing servers run once.
/// </summary>
public sealed record ReplicaCounts(int Gateway, int Catalog, int Publish, int Verification)
{
    public static ReplicaCounts Read(IConfigurationSection registry)
    {
        var replicas = registry.GetSection("Replicas");
        var all = Count(replicas, otherwise: 1);
        return new ReplicaCounts(
            Gateway: Count(replicas.GetSection("Gateway"), all),
            Catalog: Count(replicas.GetSection("Catalog"), all),
            Publish: Count(replicas.GetSection("Publish"), all),
            Verification: Count(replicas.GetSection("Verification"), all));
    }

    private static int Count(IConfigurationSection setting, int otherwise) =>
        string.IsNullOrWhiteSpace(setting.Value) ? otherwise
        : int.TryParse(setting.Value, out var count) && count >= 1 ? count
        : throw new InvalidOperationException($"{setting.Path} is '{setting.Value}'; a replica count is a whole number of at least 1.");
}
