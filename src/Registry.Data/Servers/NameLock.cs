namespace Registry.Data.Servers;

/// <summary>
/// Every write to one server name takes this transaction-scoped advisory lock first, so writers to one name queue
/// up in the database while writers to other names run in parallel.
/// </summary>
internal static class NameLock
{
    public const string Sql = "SELECT pg_advisory_xact_lock(hashtextextended(@lock_name, 0))";
}
