using System.Net;
using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Mirroring;
using Registry.Testing.Fakes;

namespace Registry.Mirror.Tests;

[Collection(PostgresCollection.Name)]
public sealed class MirrorWorkerTests(PostgresFixture postgres) : IAsyncLifetime
{
    private string connectionString = null!;
    private NpgsqlDataSource dataSource = null!;
    private FakeUpstreamRegistry upstream = null!;
    private MirroredRows rows = null!;

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateMigratedConnectionStringAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
        upstream = await FakeUpstreamRegistry.StartAsync();
        rows = new MirroredRows(dataSource);
    }

    public async Task DisposeAsync()
    {
        await upstream.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    private Task<MirrorHost> StartMirrorAsync(Dictionary<string, string?>? settings = null) =>
        MirrorHost.StartAsync(connectionString, upstream.BaseUrl, settings);

    private Task CaughtUpAsync(IEnumerable<UpstreamVersion>? expected = null) =>
        Eventually.HoldsAsync(() => rows.MatchAsync(expected ?? upstream.Versions), "the mirror matches upstream");

    private void PublishSample()
    {
        upstream.Publish("com.example/alpha", "1.0.0");
        upstream.Publish("com.example/alpha", "1.1.0");
        upstream.Publish("com.example/beta", "0.1.0");
        upstream.Deprecate("com.example/beta", "0.1.0", "use alpha");
        upstream.Publish("com.example/delta", "1.0.0");
        upstream.Publish("com.example/gamma", "2.0.0");
        upstream.Delete("com.example/gamma", "2.0.0");
    }

    [Fact]
    public async Task CatchesUpWithEveryUpstreamVersionAcrossPagesKeepingItsMetadata()
    {
        PublishSample();

        await using var mirror = await StartMirrorAsync(new() { ["PageSize"] = "2" });
        await CaughtUpAsync();

        var first = upstream.ListRequests[0];
        Assert.Equal("1970-01-01T00:00:00.000000Z", first["updated_since"]);
        Assert.Equal("2", first["limit"]);
        Assert.Null(first["include_deleted"]);
        Assert.Contains(upstream.ListRequests, r => r["cursor"] == "com.example/alpha:1.1.0");
    }

    [Fact]
    public async Task FollowsPublishesDeprecationsDeletionsAndEditsMadeLaterWithTheLatestFlagsOfUpstream()
    {
        PublishSample();
        await using var mirror = await StartMirrorAsync();
        await CaughtUpAsync();

        upstream.Publish("com.example/alpha", "2.0.0");
        upstream.Deprecate("com.example/alpha", "1.0.0", "too old");
        upstream.Delete("com.example/beta", "0.1.0");
        upstream.SetStatus("com.example/gamma", "2.0.0", "active");
        upstream.Edit("com.example/alpha", "1.1.0", "Edited upstream");
        await CaughtUpAsync();

        var latest = (await rows.AllAsync()).Where(r => r.IsLatest).Select(r => $"{r.Name}@{r.Version}");
        Assert.Equal(["com.example/alpha@2.0.0", "com.example/beta@0.1.0", "com.example/delta@1.0.0", "com.example/gamma@2.0.0"], latest);
    }

    [Fact]
    public async Task PrefixFiltersDecideWhichNamesAreMirrored()
    {
        var kept = upstream.Publish("com.acme/tools", "1.0.0");
        upstream.Publish("com.acme/secret-tools", "1.0.0");
        upstream.Publish("org.other/tools", "1.0.0");

        await using var mirror = await StartMirrorAsync(new()
        {
            ["IncludePrefixes:0"] = "com.acme/",
            ["ExcludePrefixes:0"] = "com.acme/secret",
        });
        await CaughtUpAsync([kept]);
        await PassesCompletedAsync(mirror, 2);

        Assert.True(await rows.MatchAsync([kept]));
        var names = mirror.Get<MirroredNameStore>();
        Assert.True(await names.IsMirroredAsync("com.acme/tools", CancellationToken.None));
        Assert.False(await names.IsMirroredAsync("org.other/tools", CancellationToken.None));
    }

    [Fact]
    public async Task AStatusFilterKeepsOtherStatusesOutButAStoredCopyFollowsUpstream()
    {
        var active = upstream.Publish("com.example/active", "1.0.0");
        upstream.Publish("com.example/deprecated", "1.0.0");
        upstream.Deprecate("com.example/deprecated", "1.0.0");
        upstream.Publish("com.example/deleted", "1.0.0");
        upstream.Delete("com.example/deleted", "1.0.0");

        await using var mirror = await StartMirrorAsync(new() { ["Statuses:0"] = "active" });
        await CaughtUpAsync([active]);
        await PassesCompletedAsync(mirror, 2);
        Assert.True(await rows.MatchAsync([active]));

        var deleted = upstream.Delete("com.example/active", "1.0.0");
        await CaughtUpAsync([deleted]);
    }

    [Fact]
    public async Task ARestartResumesFromThePersistedPositionWithoutReadingAPageTwice()
    {
        PublishSample();
        upstream.Plan(UpstreamAnswer.Normal, UpstreamAnswer.Normal);
        upstream.IsDown = true;
        var states = new MirrorStateStore(dataSource);

        await using (var mirror = await StartMirrorAsync(new() { ["PageSize"] = "2" }))
        {
            await Eventually.HoldsAsync(async () => (await states.ReadAsync(upstream.BaseUrl, CancellationToken.None)).LastError is not null,
                "the outage after two pages is recorded");
        }

        var stopped = await states.ReadAsync(upstream.BaseUrl, CancellationToken.None);
        Assert.Equal("com.example/delta:1.0.0", stopped.Position.Pass?.Cursor);
        Assert.Equal(4, (await rows.AllAsync()).Count);
        var before = upstream.ListRequests.Count;

        upstream.IsDown = false;
        await using (var mirror = await StartMirrorAsync(new() { ["PageSize"] = "2" }))
        {
            await CaughtUpAsync();
            await PassesCompletedAsync(mirror, 1);
        }

        var resumed = upstream.ListRequests[before];
        Assert.Equal(("com.example/delta:1.0.0", "1970-01-01T00:00:00.000000Z"), (resumed["cursor"], resumed["updated_since"]));
        var firstPassPages = upstream.ListRequests
            .Where(r => r.Status == 200 && r["updated_since"] == "1970-01-01T00:00:00.000000Z")
            .Select(r => r["cursor"] ?? "")
            .ToList();
        Assert.Equal(["", "com.example/alpha:1.1.0", "com.example/delta:1.0.0"], firstPassPages);
        var logged = await new ChangeLogReader(dataSource).ReadAfterAsync(0, 100, CancellationToken.None);
        Assert.Equal(
            upstream.Versions.Select(v => $"{v.Name}@{v.Version}:mirrored"),
            logged.Select(e => $"{e.Name}@{e.Version}:{e.Kind}"));
    }

    [Fact]
    public async Task ServerErrorsAndDroppedConnectionsAreSurvived()
    {
        PublishSample();
        upstream.Plan(UpstreamAnswer.Error(500), UpstreamAnswer.ConnectionDrop, UpstreamAnswer.Error(502), UpstreamAnswer.ConnectionDrop);

        await using var mirror = await StartMirrorAsync(new() { ["PageSize"] = "2" });
        await CaughtUpAsync();
        await PassesCompletedAsync(mirror, 1);

        var status = await mirror.StatusAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, status.GetProperty("lastError").ValueKind);
        Assert.Equal(4, upstream.ListRequests.Count(r => r.Status is 0 or >= 500));
    }

    [Fact]
    public async Task ALongOutageIsReportedAndTheMirrorCatchesUpWhenItEnds()
    {
        upstream.IsDown = true;
        await using var mirror = await StartMirrorAsync();
        await Eventually.HoldsAsync(async () => (await mirror.StatusAsync()).GetProperty("lastError").GetString()?.Contains("503") == true,
            "the status shows the outage");
        Assert.Equal(HttpStatusCode.OK, (await mirror.Http.GetAsync("/health")).StatusCode);

        PublishSample();
        upstream.IsDown = false;
        await CaughtUpAsync();
    }

    [Fact]
    public async Task A429IsRetriedOnlyAfterWhatRetryAfterAsks()
    {
        PublishSample();
        upstream.Plan(UpstreamAnswer.TooManyRequests(TimeSpan.FromSeconds(2)));

        await using var mirror = await StartMirrorAsync();
        await CaughtUpAsync();

        var requests = upstream.ListRequests;
        Assert.Equal(429, requests[0].Status);
        // The backoff alone would have retried within 200 ms.
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task AVersionUpdatedAtTheSameInstantAsTheMarkIsNotSkipped()
    {
        var instant = new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.Zero).AddTicks(1230);
        upstream.Publish("com.example/first", "1.0.0", at: instant);

        await using var mirror = await StartMirrorAsync(new() { ["Overlap"] = "00:00:00" });
        await CaughtUpAsync();
        await PassesCompletedAsync(mirror, 1);

        upstream.Publish("com.example/second", "1.0.0", at: instant);
        await CaughtUpAsync();
        Assert.Contains(upstream.ListRequests, r => r["updated_since"] == "2025-06-01T08:30:00.000122Z");
    }

    [Fact]
    public async Task StatusReportsTheUpstreamThePositionTheLastSyncAndTheMirroredVersions()
    {
        PublishSample();
        await using var mirror = await StartMirrorAsync();
        await CaughtUpAsync();
        await PassesCompletedAsync(mirror, 1);

        var status = await mirror.StatusAsync();

        Assert.True(status.GetProperty("enabled").GetBoolean());
        Assert.Equal(upstream.BaseUrl, status.GetProperty("upstream").GetString());
        Assert.Equal(5, status.GetProperty("mirroredVersions").GetInt64());
        var newest = upstream.Versions.Max(v => v.UpdatedAt);
        Assert.True(status.GetProperty("position").GetProperty("highWaterMark").GetDateTimeOffset() <= newest);
        Assert.True(status.GetProperty("lastSuccessfulSyncAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
    }

    [Fact]
    public async Task AnUnreachableUpstreamNeitherCrashesTheProcessNorFailsHealth()
    {
        await using var mirror = await MirrorHost.StartAsync(connectionString, "http://127.0.0.1:1");

        await Eventually.HoldsAsync(async () => (await mirror.StatusAsync()).GetProperty("lastError").ValueKind == System.Text.Json.JsonValueKind.String,
            "the status shows the connection failure");
        Assert.Equal(HttpStatusCode.OK, (await mirror.Http.GetAsync("/health")).StatusCode);
    }

    /// <summary>Waits for <paramref name="count"/> passes after now to complete, so that everything has been read.</summary>
    private static async Task PassesCompletedAsync(MirrorHost mirror, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var before = (await mirror.StatusAsync()).GetProperty("lastSuccessfulSyncAt") is { ValueKind: System.Text.Json.JsonValueKind.String } t
                ? t.GetDateTimeOffset()
                : DateTimeOffset.MinValue;
            await Eventually.HoldsAsync(async () =>
                    (await mirror.StatusAsync()).GetProperty("lastSuccessfulSyncAt") is { ValueKind: System.Text.Json.JsonValueKind.String } s
                    && s.GetDateTimeOffset() > before,
                "a pass completes");
        }
    }
}
