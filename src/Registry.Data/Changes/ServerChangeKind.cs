namespace Registry.Data.Changes;

/// <summary>What a change-log entry records; the database accepts exactly these.</summary>
public static class ServerChangeKind
{
    public const string Published = "published";
    public const string Edited = "edited";

    /// <summary>The status or the status message changed.</summary>
    public const string StatusChanged = "status_changed";

    /// <summary>A status change elsewhere in the name made this version latest; nothing else about it changed.</summary>
    public const string BecameLatest = "became_latest";

    /// <summary>Written by an import from an upstream registry.</summary>
    public const string Mirrored = "mirrored";

    /// <summary>An operator annotation of the version or of its name changed; the version's row did not.</summary>
    public const string Annotated = "annotated";
}
