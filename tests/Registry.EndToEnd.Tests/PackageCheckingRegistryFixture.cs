using Registry.Testing.Fakes.Packages;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// A second registry with package ownership checks on (as in production), pointed at a fake npm registry and a
/// fake crates registry on loopback. The main fixture runs with checks off so that every reference example can be
/// published.
/// </summary>
public sealed class PackageCheckingRegistryFixture : RegistryAppFixture
{
    public FakeNpmRegistry Npm { get; private set; } = null!;

    public FakeCratesRegistry Crates { get; private set; } = null!;

    protected override async Task<IEnumerable<string>> ExtraArgumentsAsync()
    {
        Npm = await FakeNpmRegistry.StartAsync();
        Crates = await FakeCratesRegistry.StartAsync();
        return
        [
            "--Registry:Packages:Enabled=true",
            $"--Registry:Packages:NpmBaseUrl={Npm.BaseUrl}",
            $"--Registry:Packages:CratesBaseUrl={Crates.BaseUrl}",
            "--Registry:Packages:AllowPrivateAddresses=true",
        ];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Npm is not null)
        {
            await Npm.DisposeAsync();
        }

        if (Crates is not null)
        {
            await Crates.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCheckingRegistryCollection : ICollectionFixture<PackageCheckingRegistryFixture>
{
    public const string Name = "package-checking-registry";
}
