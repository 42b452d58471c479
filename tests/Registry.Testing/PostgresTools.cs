namespace Registry.Testing;

/// <summary>
/// Runs PostgreSQL's programs from PATH. PostgreSQL refuses to run as root, so as root they run as the
/// postgres user through runuser, on folders that user owns.
/// </summary>
internal static class PostgresTools
{
    private const string ServiceUser = "postgres";

    public static (string FileName, string[] Arguments) Command(string tool, params string[] arguments)
    {
        var path = Unix.FindOnPath(tool)
            ?? throw new InvalidOperationException($"PostgreSQL's '{tool}' is not on PATH; install PostgreSQL 15 server binaries.");
        return Unix.IsRoot
            ? (Unix.FindOnPath("runuser") ?? "/usr/sbin/runuser", ["-u", ServiceUser, "--", path, .. arguments])
            : (path, arguments);
    }

    public static async Task GiveToServiceUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (Unix.IsRoot)
        {
            await ChildProcess.RunAsync("chown", ["-R", $"{ServiceUser}:{ServiceUser}", directory], cancellationToken: cancellationToken);
        }
    }
}
