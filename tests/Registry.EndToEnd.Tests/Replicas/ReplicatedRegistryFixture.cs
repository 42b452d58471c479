using Aspire.Hosting;

namespace Registry.EndToEnd.Tests.Replicas;

/// <summary>
/// The whole system with two processes of each replicable service (<c>Registry:Replicas=2</c>): gateway and
/// gateway-2, catalog and catalog-2, publish and publish-2, verification and verification-2, behind one PostgreSQL and
/// one cache. Tests reach each gateway, and each service replica, at its own address.
/// </summary>
public sealed class ReplicatedRegistryFixture : RegistryAppFixture
{
    public const int Replicas = 2;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] ReplicatedServices = ["gateway", "catalog", "publish", "verification"];

    /// <summary>Every replica's resource name, service by service: <c>catalog</c>, <c>catalog-2</c>, ...</summary>
    public static IReadOnlyList<string> ReplicasOf(string service) =>
        Enumerable.Range(0, Replicas).Select(index => index == 0 ? service : $"{service}-{index + 1}").ToList();

    public static IEnumerable<string> AllReplicas => ReplicatedServices.SelectMany(ReplicasOf);

    /// <summary>One client per gateway, in the order of <see cref="ReplicasOf"/>.</summary>
    public IReadOnlyList<HttpClient> Gateways { get; private set; } = [];

    protected override Task<IEnumerable<string>> ExtraArgumentsAsync() =>
        Task.FromResult<IEnumerable<string>>([$"--Registry:Replicas={Replicas}"]);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        foreach (var replica in AllReplicas)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(replica, timeout.Token);
        }

        Gateways = ReplicasOf("gateway").Select(gateway => App.CreateHttpClient(gateway, "http")).ToList();
    }

    public override async Task DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            gateway.Dispose();
        }

        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ReplicatedRegistryCollection : ICollectionFixture<ReplicatedRegistryFixture>
{
    public const string Name = "replicated-registry";
}
