using Registry.Contracts.V0;
using Spectre.Console;

namespace Registry.Cli.Output;

public static class IssueTables
{
    public static Table Issues(IEnumerable<ValidationIssue> issues)
    {
        var table = Cells.NewTable("Severity", "Path", "Message");
        foreach (var issue in issues)
        {
            Cells.AddRow(table, issue.Severity, string.IsNullOrEmpty(issue.Path) ? "(document)" : issue.Path, issue.Message);
        }

        return table;
    }
}
