using Registry.Testing.Fakes;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// A registry that mirrors a fake upstream registry on loopback, polling it every half second. Local writes to
/// mirrored names stay refused (the default).
/// </summary>
public sealed class MirroringRegistryFixture : RegistryAppFixture
{
    public FakeUpstreamRegistry Upstream { get; private set; } = null!;

    protected override async Task<IEnumerable<string>> ExtraArgumentsAsync()
    {
        Upstream = await FakeUpstreamRegistry.StartAsync();
        return
        [
            $"--Registry:Mirror:Upstream={Upstream.BaseUrl}",
            "--Registry:Mirror:PollInterval=00:00:00.500",
            "--Registry:Mirror:MaxBackoff=00:00:02",
        ];
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class MirroringRegistryCollection : ICollectionFixture<MirroringRegistryFixture>
{
    public const string Name = "mirroring-registry";
}
