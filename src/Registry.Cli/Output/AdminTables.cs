using Registry.Contracts.V0;
using Spectre.Console;

namespace Registry.Cli.Output;

/// <summary>The operators' views: annotations and the audit trail.</summary>
public static class AdminTables
{
    public static Table Annotations(IEnumerable<Annotation> annotations)
    {
        var table = Cells.NewTable("Key", "Version", "Value", "Updated by", "Updated");
        foreach (var annotation in annotations)
        {
            Cells.AddRow(table, annotation.Key, annotation.HasVersion ? annotation.Version : "(all)", annotation.ValueJson,
                annotation.UpdatedBy, Cells.When(annotation.UpdatedAt));
        }

        return table;
    }

    public static Table Audit(IEnumerable<AuditEvent> events)
    {
        var table = Cells.NewTable("Id", "Time", "Actor", "Method", "Action", "Server", "Version", "Outcome", "Status", "Detail");
        foreach (var e in events)
        {
            Cells.AddRow(table, e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Cells.When(e.OccurredAt), e.Actor,
                e.AuthMethod, e.Action, e.ServerName, e.Version, e.Outcome,
                e.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Detail);
        }

        return table;
    }
}
