using Microsoft.Extensions.Configuration;
using Registry.Gateway.Routing;
using Yarp.ReverseProxy.Configuration;

namespace Registry.Gateway.Tests;

public sealed class RouteTableTests
{
    [Fact]
    public void BothPrefixesGetTheSameRowsWithTheSameClustersOrdersAndMethods()
    {
        var routes = RouteTable.For(UpstreamClusters.From(Discovery()));

        var underV0 = Rows(routes, "/v0/");
        var underV01 = Rows(routes, "/v0.1/");
        Assert.NotEmpty(underV0);
        Assert.Equal(underV0, underV01);
    }

    [Fact]
    public void ReadsOfServersGoToTheCatalogAheadOfWritesToPublish()
    {
        var routes = RouteTable.For(UpstreamClusters.From(Discovery()));

        var read = routes.Single(r => r.RouteId == "v0_1-servers-read");
        var write = routes.Single(r => r.RouteId == "v0_1-servers-write");
        Assert.Equal(("catalog", "publish"), (read.ClusterId, write.ClusterId));
        Assert.Equal(["GET", "HEAD"], read.Match.Methods!);
        Assert.Null(write.Match.Methods);
        Assert.True(read.Order < write.Order);
        Assert.True(routes.Where(r => r.RouteId.EndsWith("-other", StringComparison.Ordinal)).All(r => r.Order > write.Order));
    }

    [Fact]
    public void TheMirrorStatusIsRoutedOnlyWhenServiceDiscoveryKnowsTheMirror()
    {
        var without = RouteTable.For(UpstreamClusters.From(Discovery()));
        var withMirror = RouteTable.For(UpstreamClusters.From(Discovery(("services:mirror:http:0", "http://127.0.0.1:5999"))));

        Assert.DoesNotContain(without, r => r.ClusterId == "mirror");
        var mirror = withMirror.Where(r => r.ClusterId == "mirror").ToList();
        Assert.Equal(["/v0/x/dev.mcpregistry/mirror", "/v0.1/x/dev.mcpregistry/mirror"], mirror.Select(r => r.Match.Path));
        Assert.All(mirror, r => Assert.Equal("/status", r.Transforms!.Single()["PathSet"]));
    }

    [Fact]
    public void TheMcpServerIsRoutedAtMcpWithoutPrefixOverHttp11WhenServiceDiscoveryKnowsIt()
    {
        var without = RouteTable.For(UpstreamClusters.From(Discovery()));
        var clusters = UpstreamClusters.From(Discovery(("services:mcp:http:0", "http://127.0.0.1:5998")));

        Assert.DoesNotContain(without, r => r.ClusterId == "mcp");
        Assert.Equal(["/mcp"], RouteTable.For(clusters).Where(r => r.ClusterId == "mcp").Select(r => r.Match.Path));
        var mcp = clusters.Single(c => c.ClusterId == "mcp");
        Assert.Equal(System.Net.HttpVersion.Version11, mcp.HttpRequest!.Version);
        Assert.Equal("/alive", mcp.HealthCheck!.Active!.Path);
    }

    [Fact]
    public void TheWebCatalogGetsItsPagesAndAssetsForReadsOnlyWhenServiceDiscoveryKnowsIt()
    {
        var without = RouteTable.For(UpstreamClusters.From(Discovery()));
        var clusters = UpstreamClusters.From(Discovery(("services:web:http:0", "http://127.0.0.1:5997")));

        Assert.DoesNotContain(without, r => r.ClusterId == "web");
        var web = RouteTable.For(clusters).Where(r => r.ClusterId == "web").ToList();
        Assert.Equal(["/", "/servers/{namespace}/{**rest}", "/changes", "/assets/{**rest}"], web.Select(r => r.Match.Path));
        Assert.All(web, r => Assert.Equal(["GET", "HEAD"], r.Match.Methods!));
        Assert.Equal(System.Net.HttpVersion.Version11, clusters.Single(c => c.ClusterId == "web").HttpRequest!.Version);
    }

    [Fact]
    public void TheGrpcServicesAreAskedOverHttp2AndProbedOnTheirLiveness()
    {
        var clusters = UpstreamClusters.From(Discovery());

        Assert.Equal(["catalog", "publish", "verification"], clusters.Select(c => c.ClusterId));
        Assert.All(clusters, c =>
        {
            Assert.Equal($"http://{c.ClusterId}", c.Destinations!.Single().Value.Address);
            Assert.Equal(HttpVersionPolicy.RequestVersionExact, c.HttpRequest!.VersionPolicy);
            Assert.Equal("/alive", c.HealthCheck!.Active!.Path);
            Assert.True(c.HealthCheck.Active.Enabled);
        });
    }

    private static List<(string, string, int?, string)> Rows(IEnumerable<RouteConfig> routes, string prefix) =>
    [
        .. routes.Where(r => r.Match.Path!.StartsWith(prefix, StringComparison.Ordinal))
            .Select(r => (r.Match.Path![prefix.Length..], r.ClusterId!, r.Order, string.Join(",", r.Match.Methods ?? []))),
    ];

    private static IConfiguration Discovery(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
}
