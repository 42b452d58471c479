namespace Registry.Data.Writes;

/// <summary>A remote URL belongs to one server name; versions that are deleted no longer hold theirs.</summary>
internal static class RemoteUrlOwnership
{
    private const string OtherOwnerSql =
        "SELECT server_name FROM servers WHERE server_name <> @name AND status <> 'deleted' " +
        "AND value -> 'remotes' @> @probe LIMIT 1";

    public static async Task EnsureFreeAsync(
        WriteTransaction transaction, string name, IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        foreach (var url in urls)
        {
            var probe = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["url"] = url });
            if (await transaction.ScalarAsync(OtherOwnerSql, cancellationToken, ("name", name), ("probe", new JsonText(probe.ToJsonString()))) is string owner)
            {
                throw new ServerWriteException($"remote URL {url} is already used by server {owner}");
            }
        }
    }
}
