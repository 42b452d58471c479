using System.Globalization;

namespace Registry.Bench.Seed;

/// <summary>
/// The shape of a generated catalog: names <c>io.modelcontextprotocol.anonymous/bench-&lt;topic&gt;-&lt;i&gt;</c> with
/// <see cref="VersionsPerName"/> versions each, topics drawn from what real MCP servers wrap, so search terms
/// match some names and not others.
/// </summary>
public static class BenchCatalog
{
    public const string Namespace = "io.modelcontextprotocol.anonymous";
    public const string Schema = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
    public const string PublishNamePrefix = Namespace + "/bench-publish-";
    public const int PublishNames = 200;

    public static readonly string[] Versions = ["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0"];
    public static int VersionsPerName => Versions.Length;

    public static readonly (string Topic, string Title, string Does)[] Topics =
    [
        ("weather", "Weather", "forecasts, alerts and historical observations for any location"),
        ("github", "GitHub", "issues, pull requests and repository search"),
        ("postgres", "PostgreSQL", "read-only SQL queries and schema inspection"),
        ("slack", "Slack", "channel history, messages and user lookup"),
        ("filesystem", "Filesystem", "sandboxed file reads, writes and directory listings"),
        ("calendar", "Calendar", "events, free/busy lookups and invitations"),
        ("jira", "Jira", "issue search, transitions and comments"),
        ("notion", "Notion", "pages, databases and block editing"),
        ("websearch", "Web Search", "ranked web results with snippets"),
        ("browser", "Browser", "headless page navigation, screenshots and DOM queries"),
        ("kubernetes", "Kubernetes", "pods, deployments and logs of a cluster"),
        ("payments", "Payments", "customers, invoices and refunds"),
        ("email", "Email", "mailbox search, drafts and sending"),
        ("translate", "Translate", "text translation between 100+ languages"),
        ("maps", "Maps", "geocoding, routing and places search"),
        ("music", "Music", "playlists, playback and catalog search"),
        ("docker", "Docker", "containers, images and compose projects"),
        ("sqlite", "SQLite", "local database queries and schema changes"),
        ("errors", "Error Tracking", "issues, events and release health"),
        ("design", "Design Files", "frames, components and comments of design documents"),
    ];

    /// <summary>Substrings of names: every name ("bench"), whole topics (one name in twenty), fragments and digits (a few).</summary>
    public static readonly string[] SearchTerms =
        ["weather", "github", "kube", "sql", "mail", "bench", "design-0001", "0042", "12345", "docker-00"];

    public static int NameCount(int versions) => (versions + VersionsPerName - 1) / VersionsPerName;

    public static string Name(int index) =>
        $"{Namespace}/bench-{Topics[index % Topics.Length].Topic}-{index.ToString("D6", CultureInfo.InvariantCulture)}";
}
