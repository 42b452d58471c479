using Registry.Contracts.V0;

namespace Registry.Web.Catalog;

/// <summary>One version of a server as its page shows it: the version, every version of the name (newest first), and the stored <c>server.json</c>, indented.</summary>
public sealed record ServerDetails(ServerResponse Version, IReadOnlyList<ServerResponse> Versions, string Document)
{
    public ServerJson Server => Version.Server;

    public OfficialMeta Official => Version.Meta?.Official ?? new OfficialMeta();
}
