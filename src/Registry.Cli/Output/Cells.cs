using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Registry.Cli.Output;

/// <summary>Table cells from values that may hold markup characters; they are shown as written.</summary>
internal static class Cells
{
    public static IRenderable Text(string? value) => new Text(value ?? "");

    public static string When(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void AddRow(Table table, params string?[] values) => table.AddRow(values.Select(Text));

    public static Table NewTable(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }
}
