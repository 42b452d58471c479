namespace Registry.Domain.Errors;

/// <summary>
/// A kind of write. The official registry words every refusal of a write as its operation's failure, with the cause
/// in the problem's <c>errors</c> list, so the failure text is named once here.
/// </summary>
public sealed record WriteOperation(string Name, string FailureDetail)
{
    public static readonly WriteOperation Publish = new("publish", "Failed to publish server");
    public static readonly WriteOperation Edit = new("edit", "Failed to edit server");
    public static readonly WriteOperation StatusChange = new("status change", "Failed to update server status");
    public static readonly WriteOperation Annotate = new("annotate", "Failed to annotate server");

    public override string ToString() => Name;
}
