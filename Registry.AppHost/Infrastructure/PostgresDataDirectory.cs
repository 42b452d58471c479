using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// Where the local PostgreSQL keeps its data. As root the server runs as the <c>postgres</c> user, which cannot
/// enter a folder of mode 700 such as <c>/root</c> or a <c>mktemp -d</c> folder; a data folder inside a checkout
/// there would make PostgreSQL fail to start. The default folder then moves to one per checkout under
/// <see cref="SystemRoot"/>; a configured folder that user cannot reach is refused with the reason.
/// </summary>
public static class PostgresDataDirectory
{
    public const string SystemRoot = "/var/lib/registry";

    public sealed record Choice(string Path, string? Note);

    public static bool RunningAsRoot => Environment.UserName == "root";

    /// <param name="configured">Registry:DataDirectory, relative to the AppHost folder; empty for the default.</param>
    public static Choice Resolve(string? configured, string appHostDirectory)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var path = System.IO.Path.GetFullPath(configured, appHostDirectory);
            if (RunningAsRoot && !PostgresUserCanReach(path))
            {
                throw new InvalidOperationException(
                    $"Registry:DataDirectory is {path}, but the postgres user, which runs PostgreSQL when the AppHost runs as root, " +
                    "cannot enter one of its parent folders. Choose a folder it can reach, or leave the setting empty.");
            }

            return new Choice(path, null);
        }

        var checkout = System.IO.Path.GetFullPath(System.IO.Path.Combine(appHostDirectory, ".."));
        var inCheckout = System.IO.Path.Combine(checkout, ".data", "postgres");
        if (!RunningAsRoot || PostgresUserCanReach(inCheckout))
        {
            return new Choice(inCheckout, null);
        }

        var relocated = System.IO.Path.Combine(SystemRoot, CheckoutId(checkout), "postgres");
        return new Choice(relocated,
            $"the postgres user cannot enter {checkout}, so PostgreSQL keeps this checkout's data in {relocated}");
    }

    /// <summary>
    /// The init script creates missing folders as root (mode 755) and gives the data folder itself to postgres, so
    /// what matters is whether postgres can pass through the deepest parent folder that exists already.
    /// </summary>
    public static bool PostgresUserCanReach(string dataDirectory)
    {
        var parent = System.IO.Path.GetDirectoryName(dataDirectory);
        while (parent is not null && !Directory.Exists(parent))
        {
            parent = System.IO.Path.GetDirectoryName(parent);
        }

        if (parent is null)
        {
            return true;
        }

        using var probe = Process.Start(new ProcessStartInfo("runuser", ["-u", "postgres", "--", "test", "-x", parent])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("runuser could not be started.");
        if (!probe.WaitForExit(TimeSpan.FromSeconds(10)))
        {
            probe.Kill();
            return false;
        }

        return probe.ExitCode == 0;
    }

    private static string CheckoutId(string checkout) =>
        "checkout-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(checkout)))[..12];
}
