using Registry.Contracts.V0;

namespace Registry.Web.Presentation;

public static class ServerHeading
{
    /// <summary>What a server is called on a page: its title, else the part of its name after the namespace (the full name is shown beside it).</summary>
    public static string Of(ServerJson server) =>
        server.HasTitle && !string.IsNullOrWhiteSpace(server.Title) ? server.Title : server.Name[(server.Name.IndexOf('/') + 1)..];
}
