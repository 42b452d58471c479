namespace Registry.Bench.Seed;

/// <summary>
/// One version of the official-shaped catalog: its key, its upstream <c>updatedAt</c> and the list entry
/// (<c>{"server":{...},"_meta":{"io.modelcontextprotocol.registry/official":{...}}}</c>) as UTF-8 JSON, serialised once
/// so that a page or a seed file is a concatenation.
/// </summary>
public sealed record OfficialShapedEntry(string Name, string Version, DateTimeOffset UpdatedAt, string Status, bool IsLatest, byte[] Json);
