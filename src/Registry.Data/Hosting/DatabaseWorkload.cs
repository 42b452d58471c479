namespace Registry.Data.Hosting;

public enum DatabaseWorkload
{
    /// <summary>Short statements on behalf of a caller who waits: fail fast when the database is away.</summary>
    Requests,

    /// <summary>Migrations and bulk imports at start: long statements, and a database that may still be starting.</summary>
    Maintenance,
}
