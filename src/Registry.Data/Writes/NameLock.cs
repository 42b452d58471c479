namespace Registry.Data.Writes;

/// <summary>
/// Every write to one server name holds this transaction-scoped advisory lock, so writers to one name queue up in the
/// database while writers to other names run in parallel. A remote URL is locked the same way under its own key.
/// </summary>
internal static class NameLock
{
    public const string Sql = "SELECT pg_advisory_xact_lock(hashtextextended(@lock_name, 0))";

    public static string OfRemoteUrl(string url) => "remote-url:" + url;
}
