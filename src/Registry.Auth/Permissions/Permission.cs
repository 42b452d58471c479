namespace Registry.Auth.Permissions;

/// <summary>A right carried by a registry token: an action on the server names a pattern matches.</summary>
public sealed record Permission(string Action, string Resource);

public static class PermissionActions
{
    public const string Publish = "publish";
    public const string Edit = "edit";

    /// <summary>See the names a pattern matches where visibility rules hide them from others.</summary>
    public const string Read = "read";

    /// <summary>Attach and remove operator annotations; the pattern matches annotation keys (<c>com.acme.registry/*</c>).</summary>
    public const string Annotate = "annotate";

    /// <summary>Read the audit trail; the pattern is <c>*</c>.</summary>
    public const string Audit = "audit";
}
