using System.Net;
using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Registry.Contracts.V0;

namespace Registry.EndToEnd.Tests.Private;

/// <summary>A hidden entry answers the anonymous caller exactly as an absent one does, everywhere; staff see it.</summary>
[Collection(PrivateRegistryCollection.Name)]
public class HiddenEntryTests(PrivateRegistryFixture registry)
{
    private static readonly string HiddenPath = $"/v0.1/servers/{Uri.EscapeDataString(PrivateRegistryFixture.HiddenServer)}";
    private string Staff => registry.AccessToken("carol", [PrivateRegistryFixture.StaffGroup]);

    private async Task<(HttpStatusCode Status, string Body)> ReadAsync(string path, string? token)
    {
        using var request = registry.Get(path, token);
        using var response = await registry.Gateway.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/versions/latest")]
    [InlineData("/versions/1.0.0")]
    [InlineData("/versions")]
    public async Task AHiddenVersionAnswersTheAnonymousCallerAsAnAbsentOne(string suffix)
    {
        var hidden = await ReadAsync(HiddenPath + suffix, token: null);
        var absent = await ReadAsync($"/v0.1/servers/{Uri.EscapeDataString(PrivateRegistryFixture.HiddenPrefix + "no-such-server")}{suffix}", token: null);

        Assert.Equal(HttpStatusCode.NotFound, hidden.Status);
        Assert.Equal(absent, hidden);
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(HiddenPath + suffix, Staff)).Status);
    }

    [Theory]
    [InlineData("/v0.1/servers?limit=100")]
    [InlineData("/v0.1/servers?search=billing")]
    [InlineData("/v0.1/servers?version=latest&limit=100")]
    [InlineData("/v0.1/x/dev.mcpregistry/search?q=billing")]
    [InlineData("/v0.1/x/dev.mcpregistry/search?namespace=com.acme")]
    [InlineData("/v0.1/x/dev.mcpregistry/changes?limit=500")]
    [InlineData("/v0.1/x/dev.mcpregistry/changes?newestFirst=true&limit=500")]
    public async Task ListsSearchesAndTheChangeLogLeaveTheHiddenEntryOutForAnonymousCallersOnly(string path)
    {
        var anonymous = await ReadAsync(path, token: null);
        var staff = await ReadAsync(path, Staff);

        Assert.Equal(HttpStatusCode.OK, anonymous.Status);
        Assert.DoesNotContain(PrivateRegistryFixture.HiddenPrefix, anonymous.Body);
        Assert.Contains(PrivateRegistryFixture.HiddenServer, staff.Body);
    }

    [Fact]
    public async Task TheHiddenServersAnnotationsAreListedToStaffOnly()
    {
        var path = $"/v0.1/x/dev.mcpregistry/servers/{Uri.EscapeDataString(PrivateRegistryFixture.HiddenServer)}/annotations";

        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(path, token: null)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ReadAsync(path, Staff)).Status);
    }

    [Fact]
    public async Task AnOutsiderWithAValidTokenButAnotherGroupSeesWhatTheAnonymousCallerSees()
    {
        var outsider = registry.AccessToken("mallory", ["contractors"]);

        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(HiddenPath + "/versions/latest", outsider)).Status);
        Assert.DoesNotContain(PrivateRegistryFixture.HiddenPrefix, (await ReadAsync("/v0.1/servers?search=billing", outsider)).Body);
    }

    [Fact]
    public async Task TheWebCatalogShowsTheHiddenServerToStaffOnly()
    {
        var page = $"/servers/{PrivateRegistryFixture.HiddenServer}";

        Assert.Equal(HttpStatusCode.NotFound, (await ReadAsync(page, token: null)).Status);
        Assert.DoesNotContain(PrivateRegistryFixture.HiddenPrefix, (await ReadAsync("/?q=billing", token: null)).Body);
        var staff = await ReadAsync(page, Staff);
        Assert.Equal(HttpStatusCode.OK, staff.Status);
        Assert.Contains("Internal billing tools", staff.Body);
        Assert.Contains(PrivateRegistryFixture.HiddenServer, (await ReadAsync("/?q=billing", Staff)).Body);
    }

    [Fact]
    public async Task TheMcpToolsFindTheHiddenServerOnlyWithAStaffToken()
    {
        await using var anonymous = await ConnectAsync(token: null);
        await using var staff = await ConnectAsync(Staff);
        var arguments = new Dictionary<string, object?> { ["name"] = PrivateRegistryFixture.HiddenServer };

        var refused = await anonymous.CallToolAsync("get_server", arguments);
        var found = await staff.CallToolAsync("get_server", arguments);
        var searched = await anonymous.CallToolAsync("search_servers", new Dictionary<string, object?> { ["query"] = "billing" });

        Assert.True(refused.IsError);
        Assert.NotEqual(true, found.IsError);
        Assert.Contains("Internal billing tools", Text(found));
        Assert.DoesNotContain(PrivateRegistryFixture.HiddenPrefix, Text(searched));
    }

    [Fact]
    public async Task ADirectGrpcCallerIsJudgedAsThroughTheGateway()
    {
        using var channel = GrpcChannel.ForAddress(registry.CatalogGrpcAddress);
        var catalog = new Catalog.CatalogClient(channel);
        var request = new GetServerVersionRequest { ServerName = PrivateRegistryFixture.HiddenServer, Version = "latest" };

        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await catalog.GetServerVersionAsync(request));
        var staff = await catalog.GetServerVersionAsync(request, new Metadata { { "authorization", "Bearer " + Staff } });
        var refused = await Assert.ThrowsAsync<RpcException>(async () =>
            await catalog.GetServerVersionAsync(request, new Metadata { { "authorization", "Bearer not-a-token" } }));

        Assert.Equal(StatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(PrivateRegistryFixture.HiddenServer, staff.Server.Name);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task TheChangeFeedWatchSkipsHiddenNamesForAnonymousWatchers()
    {
        using var channel = GrpcChannel.ForAddress(registry.CatalogGrpcAddress);
        var catalog = new Catalog.CatalogClient(channel);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var anonymous = new List<string>();
        var staff = new List<string>();
        using (var watch = catalog.WatchChanges(new WatchChangesRequest { FromSequence = 0 }, cancellationToken: timeout.Token))
        {
            await ReadUntilCaughtUpAsync(watch, anonymous, timeout.Token);
        }

        using (var watch = catalog.WatchChanges(new WatchChangesRequest { FromSequence = 0 },
            new Metadata { { "authorization", "Bearer " + Staff } }, cancellationToken: timeout.Token))
        {
            await ReadUntilCaughtUpAsync(watch, staff, timeout.Token, until: PrivateRegistryFixture.HiddenServer);
        }

        Assert.DoesNotContain(PrivateRegistryFixture.HiddenServer, anonymous);
        Assert.Contains(PrivateRegistryFixture.HiddenServer, staff);
    }

    /// <summary>Reads the replay until a pause (the log's end) or until <paramref name="until"/> is seen.</summary>
    private static async Task ReadUntilCaughtUpAsync(AsyncServerStreamingCall<ServerChange> watch, List<string> names, CancellationToken cancellationToken, string? until = null)
    {
        while (true)
        {
            using var pause = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            pause.CancelAfter(TimeSpan.FromSeconds(3));
            try
            {
                if (!await watch.ResponseStream.MoveNext(pause.Token))
                {
                    return;
                }
            }
            catch (RpcException) when (pause.IsCancellationRequested)
            {
                return;
            }

            names.Add(watch.ResponseStream.Current.ServerName);
            if (watch.ResponseStream.Current.ServerName == until)
            {
                return;
            }
        }
    }

    private async Task<McpClient> ConnectAsync(string? token)
    {
        var options = new HttpClientTransportOptions { Endpoint = new Uri(registry.Gateway.BaseAddress!, "/mcp"), TransportMode = HttpTransportMode.StreamableHttp };
        if (token is not null)
        {
            options.AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token };
        }

        return await McpClient.CreateAsync(new HttpClientTransport(options, registry.Gateway));
    }

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
}
