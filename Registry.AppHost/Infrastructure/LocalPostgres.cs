namespace Registry.AppHost.Infrastructure;

/// <summary>
/// Runs the PostgreSQL binaries found on PATH. PostgreSQL refuses to run as root, so as root the data folder
/// belongs to the <c>postgres</c> user and the server runs through <c>runuser</c>. The folder is kept across
/// restarts; initdb runs only when it is empty. Unix sockets are off: clients use TCP on loopback.
/// </summary>
internal static class LocalPostgres
{
    private static bool RunningAsRoot => PostgresDataDirectory.RunningAsRoot;

    public static string InitScript(string dataDirectory)
    {
        var d = Quote(dataDirectory);
        var initdb = $"initdb -D {d} -U postgres --auth=trust -E UTF8 --locale=C";
        return RunningAsRoot
            ? $"mkdir -p {d} && chown postgres:postgres {d} && chmod 700 {d} && ([ -f {d}/PG_VERSION ] || runuser -u postgres -- {initdb})"
            : $"mkdir -p {d} && chmod 700 {d} && ([ -f {d}/PG_VERSION ] || {initdb})";
    }

    public static IResourceBuilder<ExecutableResource> AddServer(IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        string[] serverArgs = ["-D", dataDirectory, "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
        // The server starts in the data folder's parent (which the init script has made), a folder its user can
        // enter: as root the checkout may be one the postgres user cannot.
        var workingDirectory = Path.GetDirectoryName(dataDirectory) ?? "/";
        return RunningAsRoot
            ? builder.AddExecutable(name, "runuser", workingDirectory, ["-u", "postgres", "--", "postgres", .. serverArgs])
            : builder.AddExecutable(name, "postgres", workingDirectory, serverArgs);
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''") + "'";
}
