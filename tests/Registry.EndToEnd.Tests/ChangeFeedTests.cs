using System.Net;
using System.Text.Json.Nodes;
using Grpc.Core;
using Npgsql;
using Change = Registry.EndToEnd.Tests.ChangeFeedClient.Change;

namespace Registry.EndToEnd.Tests;

/// <summary>The change feed extension: REST pages through the gateway and gRPC watches on the catalog.</summary>
[Collection(RegistryAppCollection.Name)]
public sealed class ChangeFeedTests(RegistryAppFixture registry) : IDisposable
{
    private readonly Publisher publisher = new(registry.Gateway);
    private readonly ChangeFeedClient feed = new(registry);

    public void Dispose() => feed.Dispose();

    private static string NewName() => Publisher.NewServer()["name"]!.GetValue<string>();

    private async Task PublishAsync(string token, string name, string version = "1.0.0") =>
        (await publisher.PublishAsync(Publisher.NewServer(version, name), token)).EnsureSuccessStatusCode();

    private static void AssertStrictlyIncreasing(IEnumerable<Change> changes)
    {
        var sequences = changes.Select(c => c.Sequence).ToList();
        Assert.Equal(sequences.Order().Distinct(), sequences);
    }

    [Fact]
    public async Task TheRestFeedShowsPublishesEditsAndStatusChangesInOrder()
    {
        var token = await publisher.AnonymousTokenAsync();
        var name = NewName();
        var start = await feed.EndAsync();

        await PublishAsync(token, name, "1.0.0");
        await PublishAsync(token, name, "1.1.0");
        var edited = Publisher.NewServer("1.0.0", name);
        edited["description"] = "Edited";
        (await publisher.EditAsync(name, "1.0.0", edited, token)).EnsureSuccessStatusCode();
        (await publisher.SetStatusAsync(name, "1.0.0", new { status = "deprecated" }, token)).EnsureSuccessStatusCode();
        (await publisher.SetStatusAsync(name, null, new { status = "deleted" }, token)).EnsureSuccessStatusCode();

        var ours = (await feed.ReadAfterAsync(start)).Where(c => c.Name == name).ToList();
        Assert.Equal(
            [
                ("1.0.0", "published", "active"), ("1.1.0", "published", "active"), ("1.0.0", "edited", "active"),
                ("1.0.0", "status_changed", "deprecated"), ("1.0.0", "status_changed", "deleted"), ("1.1.0", "status_changed", "deleted"),
            ],
            ours.Select(c => (c.Version, c.Kind, c.Status)));
        AssertStrictlyIncreasing(ours);
    }

    [Fact]
    public async Task APageHasTheDocumentedShapeUnderBothPrefixes()
    {
        var token = await publisher.AnonymousTokenAsync();
        var start = await feed.EndAsync();
        var name = NewName();
        await PublishAsync(token, name);

        var v0 = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0/x/dev.mcpregistry/changes?after={start}&limit=1"))!;
        var v01 = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/x/dev.mcpregistry/changes?after={start}&limit=1"))!;
        var empty = JsonNode.Parse(await registry.Gateway.GetStringAsync("/v0/x/dev.mcpregistry/changes?after=999999999"))!;

        Assert.True(JsonNode.DeepEquals(v0, v01));
        var change = v0["changes"]![0]!;
        Assert.Equal(start + 1, change["sequence"]!.GetValue<long>());
        Assert.Equal((name, "1.0.0", "published", "active"),
            (change["serverName"]!.GetValue<string>(), change["version"]!.GetValue<string>(), change["kind"]!.GetValue<string>(), change["status"]!.GetValue<string>()));
        Assert.True(DateTimeOffset.TryParse(change["occurredAt"]!.GetValue<string>(), out _));
        Assert.Equal((1, start + 1), (v0["metadata"]!["count"]!.GetValue<int>(), v0["metadata"]!["nextAfter"]!.GetValue<long>()));
        Assert.Equal("""{"changes":[],"metadata":{"count":0,"nextAfter":999999999}}""", empty.ToJsonString());
    }

    [Theory]
    [InlineData("after=-1", HttpStatusCode.UnprocessableEntity)]
    [InlineData("limit=0", HttpStatusCode.UnprocessableEntity)]
    [InlineData("limit=501", HttpStatusCode.UnprocessableEntity)]
    [InlineData("after=soon", HttpStatusCode.BadRequest)]
    [InlineData("limit=many", HttpStatusCode.BadRequest)]
    public async Task BadPositionsAndLimitsAreProblems(string query, HttpStatusCode status)
    {
        using var response = await registry.Gateway.GetAsync($"/v0/x/dev.mcpregistry/changes?{query}");

        await ProblemAssert.IsProblemAsync(response, status, status == HttpStatusCode.BadRequest ? "Bad Request" : "Unprocessable Entity");
    }

    [Fact]
    public async Task AWatcherStartedBeforeABurstOfThirtyPublishesReceivesEachOnceAndInOrder()
    {
        var token = await publisher.AnonymousTokenAsync();
        var start = await feed.EndAsync();
        using var watch = feed.Watch(start);
        var marker = NewName();
        await PublishAsync(token, marker);
        await ChangeFeedClient.ReceiveUntilAsync(watch, r => r.Any(c => c.Name == marker));

        var burst = Enumerable.Range(0, 30).Select(_ => NewName()).ToList();
        await Task.WhenAll(burst.Select(name => PublishAsync(token, name)));
        var end = NewName();
        await PublishAsync(token, end);
        var received = await ChangeFeedClient.ReceiveUntilAsync(watch, r => r.Any(c => c.Name == end));

        Assert.Equal(burst.Order(), received.Where(c => burst.Contains(c.Name)).Select(c => c.Name).Order());
        var stored = await feed.ReadAfterAsync(start);
        Assert.Equal(stored.SkipWhile(c => c.Name != marker).Skip(1).TakeWhile(c => c.Name != end).Append(stored.Single(c => c.Name == end)), received);
        AssertStrictlyIncreasing(received);
    }

    [Fact]
    public async Task AWatcherResumingAfterTheLastSequenceItReceivedMissesNothing()
    {
        var token = await publisher.AnonymousTokenAsync();
        var name = NewName();
        var start = await feed.EndAsync();
        await PublishAsync(token, name, "1.0.0");
        await PublishAsync(token, name, "1.1.0");
        await PublishAsync(token, name, "1.2.0");

        List<Change> first;
        using (var watch = feed.Watch(start))
        {
            first = await ChangeFeedClient.ReceiveUntilAsync(watch, r => r.Count(c => c.Name == name) == 2);
        }

        await PublishAsync(token, name, "2.0.0");
        await PublishAsync(token, name, "2.1.0");
        using var resumed = feed.Watch(first[^1].Sequence);
        var second = await ChangeFeedClient.ReceiveUntilAsync(resumed, r => r.Any(c => c.Name == name && c.Version == "2.1.0"));

        Assert.Equal(await feed.ReadAfterAsync(start), [.. first, .. second]);
        Assert.Equal(["1.0.0", "1.1.0", "1.2.0", "2.0.0", "2.1.0"], first.Concat(second).Where(c => c.Name == name).Select(c => c.Version));
    }

    [Fact]
    public async Task AWatchFromANegativeSequenceIsAnInvalidArgument()
    {
        using var watch = feed.Watch(-1);

        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task AWatcherKeepsFollowingWhenTheCatalogsListenConnectionIsCut()
    {
        var token = await publisher.AnonymousTokenAsync();
        var start = await feed.EndAsync();
        using var watch = feed.Watch(start);
        var marker = NewName();
        await PublishAsync(token, marker);
        await ChangeFeedClient.ReceiveUntilAsync(watch, r => r.Any(c => c.Name == marker));

        Assert.True(await CutListenConnectionsAsync() > 0, "no LISTEN connection was found to cut");
        var duringOutage = NewName();
        await PublishAsync(token, duringOutage);
        var received = await ChangeFeedClient.ReceiveUntilAsync(watch, r => r.Any(c => c.Name == duringOutage));

        Assert.Equal((await feed.ReadAfterAsync(start)).SkipWhile(c => c.Name != marker).Skip(1), received);
    }

    /// <summary>
    /// Ends the backends of the catalog's listener. An idle backend shows its last statement, which for the
    /// listener is either LISTEN or its quiet-time check of the highest sequence.
    /// </summary>
    private async Task<int> CutListenConnectionsAsync()
    {
        await using var connection = new NpgsqlConnection(await registry.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND query IN ('LISTEN server_changes', 'SELECT coalesce(max(sequence), 0) FROM server_changes')
            """,
            connection);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
