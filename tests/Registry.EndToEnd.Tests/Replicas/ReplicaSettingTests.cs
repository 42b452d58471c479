using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Registry.EndToEnd.Tests.Replicas;

/// <summary>The resources the AppHost declares for a replica setting, read from its model without starting anything.</summary>
public class ReplicaSettingTests
{
    [Fact]
    public async Task WithoutASettingEachServiceRunsOnce()
    {
        var names = await ResourceNamesAsync();

        Assert.Contains("catalog", names);
        Assert.DoesNotContain(names, name => name.EndsWith("-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APerServiceCountWinsOverTheSharedOne()
    {
        var names = await ResourceNamesAsync("--Registry:Replicas=2", "--Registry:Replicas:Catalog=3");

        Assert.Equal(["catalog", "catalog-2", "catalog-3"], Replicas(names, "catalog"));
        foreach (var service in new[] { "gateway", "publish", "verification" })
        {
            Assert.Equal([service, $"{service}-2"], Replicas(names, service));
        }

        Assert.Equal(["web"], Replicas(names, "web"));
        Assert.Equal(["migrations"], Replicas(names, "migrations"));
    }

    [Fact]
    public async Task ACountBelowOneIsRefusedWithTheSettingNamed()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => ResourceNamesAsync("--Registry:Replicas:Publish=0"));

        Assert.Contains("Registry:Replicas:Publish", Innermost(refused).Message);
    }

    private static async Task<IReadOnlyList<string>> ResourceNamesAsync(params string[] settings)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Registry_AppHost>(
        [
            "--Registry:GatewayPort=0",
            $"--Registry:DataDirectory={Path.Combine(Path.GetTempPath(), "registry-e2e-model-" + Guid.NewGuid().ToString("N"))}",
            .. settings,
        ]);
        await using (builder)
        {
            return builder.Resources.OfType<ProjectResource>().Select(resource => resource.Name).ToList();
        }
    }

    private static string[] Replicas(IEnumerable<string> names, string service) =>
        names.Where(name => name == service || (name.StartsWith(service + "-", StringComparison.Ordinal) && int.TryParse(name[(service.Length + 1)..], out _)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static Exception Innermost(Exception exception) => exception.InnerException is { } inner ? Innermost(inner) : exception;
}
