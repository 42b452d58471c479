using Registry.AppHost.Infrastructure;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Where the AppHost puts PostgreSQL's data for a checkout in a folder only its owner may enter (a clone in /root, a
/// <c>mktemp -d</c> folder). As root the server runs as the postgres user, which must be able to reach the folder.
/// </summary>
public sealed class PostgresDataDirectoryTests : IDisposable
{
    // On Unix a new temporary subdirectory has mode 700, as mktemp -d makes it.
    private readonly string privateCheckout = Directory.CreateTempSubdirectory("registry-private-checkout-").FullName;

    private string AppHostDirectory => Path.Combine(privateCheckout, "Registry.AppHost");

    [Fact]
    public void TheDefaultFolderMovesOutOfACheckoutThePostgresUserCannotEnter()
    {
        var choice = PostgresDataDirectory.Resolve(null, AppHostDirectory);

        if (PostgresDataDirectory.RunningAsRoot)
        {
            Assert.StartsWith(PostgresDataDirectory.SystemRoot + "/", choice.Path);
            Assert.Contains(privateCheckout, choice.Note);
            Assert.True(PostgresDataDirectory.PostgresUserCanReach(choice.Path));
            Assert.False(PostgresDataDirectory.PostgresUserCanReach(Path.Combine(privateCheckout, ".data", "postgres")));
        }
        else
        {
            Assert.Equal(Path.Combine(privateCheckout, ".data", "postgres"), choice.Path);
            Assert.Null(choice.Note);
        }
    }

    [Fact]
    public void EachCheckoutGetsItsOwnFolderAndKeepsItAcrossStarts()
    {
        var other = Path.Combine(privateCheckout, "other", "Registry.AppHost");

        Assert.Equal(PostgresDataDirectory.Resolve("", AppHostDirectory), PostgresDataDirectory.Resolve(null, AppHostDirectory));
        if (PostgresDataDirectory.RunningAsRoot)
        {
            Assert.NotEqual(PostgresDataDirectory.Resolve(null, AppHostDirectory).Path, PostgresDataDirectory.Resolve(null, other).Path);
        }
    }

    [Fact]
    public void AConfiguredFolderThePostgresUserCannotReachIsRefusedWithTheReason()
    {
        var configured = Path.Combine(privateCheckout, "pgdata");

        if (PostgresDataDirectory.RunningAsRoot)
        {
            var refused = Assert.Throws<InvalidOperationException>(() => PostgresDataDirectory.Resolve(configured, AppHostDirectory));
            Assert.Contains(configured, refused.Message);
        }
        else
        {
            Assert.Equal(configured, PostgresDataDirectory.Resolve(configured, AppHostDirectory).Path);
        }
    }

    [Fact]
    public void AConfiguredRelativeFolderIsUnderTheAppHost() =>
        Assert.Equal(Path.Combine(Path.GetTempPath(), "registry-relative-data"),
            PostgresDataDirectory.Resolve(Path.Combine("..", "..", "registry-relative-data"), Path.Combine(Path.GetTempPath(), "a", "b")).Path);

    public void Dispose() => Directory.Delete(privateCheckout, recursive: true);
}
