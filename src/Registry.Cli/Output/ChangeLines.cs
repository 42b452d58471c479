using System.Globalization;
using Registry.Contracts.V0;

namespace Registry.Cli.Output;

/// <summary>One change of the feed as one line: sequence, time, kind, name, version, status.</summary>
public static class ChangeLines
{
    public static string Format(ServerChange change) => string.Join(' ',
        change.Sequence.ToString(CultureInfo.InvariantCulture), Cells.When(change.OccurredAt),
        change.Kind, change.ServerName, change.Version, change.Status);
}
