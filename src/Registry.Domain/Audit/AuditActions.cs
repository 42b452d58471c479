namespace Registry.Domain.Audit;

/// <summary>What an audited write did; the values of the <c>action</c> column and filter.</summary>
public static class AuditActions
{
    public const string Publish = "publish";
    public const string Edit = "edit";
    public const string Status = "status";
    public const string Delete = "delete";
    public const string Annotate = "annotate";
    public const string Login = "login";
    public const string Mirror = "mirror";

    public static readonly IReadOnlyList<string> All = [Publish, Edit, Status, Delete, Annotate, Login, Mirror];
}
