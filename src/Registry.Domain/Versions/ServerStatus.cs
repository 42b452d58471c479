namespace Registry.Domain.Versions;

/// <summary>Lifecycle states of a server version.</summary>
public static class ServerStatus
{
    public const string Active = "active";
    public const string Deprecated = "deprecated";
    public const string Deleted = "deleted";

    public static bool IsKnown(string status) => status is Active or Deprecated or Deleted;
}
