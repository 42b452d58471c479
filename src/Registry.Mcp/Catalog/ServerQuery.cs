using Registry.Contracts.V0;

namespace Registry.Mcp.Catalog;

/// <summary>
/// What <c>search_servers</c> asks for. The catalog's list matches only <see cref="Query"/> against names; the other
/// filters are applied here to each latest version (<see cref="Matches"/>) until a ranked search takes them.
/// </summary>
internal sealed record ServerQuery(
    string? Query,
    string? RegistryType,
    string? Transport,
    bool? HasRemote,
    string? Namespace,
    int Limit,
    bool IncludeDeleted)
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 20;

    public bool NeedsClientFilter => RegistryType is not null || Transport is not null || HasRemote is not null || Namespace is not null;

    public bool Matches(ServerJson server) =>
        (RegistryType is null || server.Packages.Any(p => Same(p.RegistryType, RegistryType)))
        && (Transport is null || Transports(server).Any(t => Same(t, Transport)))
        && (HasRemote is null || server.Remotes.Count > 0 == HasRemote)
        && (Namespace is null || server.Name.StartsWith(Namespace.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Transports(ServerJson server) =>
        server.Packages.Select(p => p.Transport?.Type ?? "").Concat(server.Remotes.Select(r => r.Type));

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
