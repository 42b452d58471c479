using System.Globalization;
using Registry.Contracts.V0;
using Spectre.Console;

namespace Registry.Cli.Output;

/// <summary>Server versions as a person reads them.</summary>
public static class ServerTables
{
    public static Table List(IEnumerable<ServerResponse> entries)
    {
        var table = Cells.NewTable("Name", "Version", "Status", "Latest", "Updated", "Description");
        foreach (var entry in entries)
        {
            var official = entry.Meta?.Official;
            Cells.AddRow(table, entry.Server.Name, entry.Server.Version, official?.Status,
                official?.IsLatest == true ? "yes" : "", Cells.When(official?.UpdatedAt), entry.Server.Description);
        }

        return table;
    }

    public static Table Search(SearchServersResponse response)
    {
        var table = Cells.NewTable("Name", "Version", "Score", "Description");
        foreach (var result in response.Servers)
        {
            Cells.AddRow(table, result.Server.Name, result.Server.Version,
                result.Score.ToString("0.##", CultureInfo.InvariantCulture), result.Server.Description);
        }

        return table;
    }

    /// <summary>One version's fields, one per row.</summary>
    public static Table Detail(ServerResponse entry)
    {
        var server = entry.Server;
        var official = entry.Meta?.Official;
        var table = Cells.NewTable("Field", "Value");
        var rows = new List<(string, string?)>
        {
            ("Name", server.Name),
            ("Version", server.Version),
            ("Title", server.Title),
            ("Description", server.Description),
            ("Website", server.WebsiteUrl),
            ("Repository", server.Repository?.Url),
            ("Status", official?.Status),
            ("Status message", official?.StatusMessage),
            ("Latest", official is null ? null : official.IsLatest ? "yes" : "no"),
            ("Published", Cells.When(official?.PublishedAt)),
            ("Updated", Cells.When(official?.UpdatedAt)),
            ("Packages", string.Join(", ", server.Packages.Select(p => $"{p.RegistryType} {p.Identifier} {p.Version}".TrimEnd()))),
            ("Remotes", string.Join(", ", server.Remotes.Select(r => $"{r.Type} {r.Url}"))),
        };
        rows.AddRange(entry.Meta?.Annotations.Select(a => ($"Annotation {a.Key}", (string?)a.Value.ToString())) ?? []);
        foreach (var (field, value) in rows.Where(r => !string.IsNullOrEmpty(r.Item2)))
        {
            Cells.AddRow(table, field, value);
        }

        return table;
    }
}
