namespace Registry.EndToEnd.Tests;

/// <summary>
/// A registry of its own for the fault tests, which kill its database and its cache. Cached answers are fresh for two
/// seconds only, so that during an outage the cache answers stale entries (stale-if-error), not merely fresh ones, and a
/// process that exits is started again after five seconds, so that the outage outlasts that freshness.
/// </summary>
public sealed class OutageRegistryFixture : RegistryAppFixture
{
    public static readonly TimeSpan RestartPause = TimeSpan.FromSeconds(5);

    protected override Task<IEnumerable<string>> ExtraArgumentsAsync() =>
        Task.FromResult<IEnumerable<string>>(["--Registry:ResponseCache:TtlSeconds=2", $"--Registry:FirstRestartPause={RestartPause}"]);
}

[CollectionDefinition(Name)]
public sealed class OutageRegistryCollection : ICollectionFixture<OutageRegistryFixture>
{
    public const string Name = "outage-registry";
}
