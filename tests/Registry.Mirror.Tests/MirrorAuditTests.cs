using Npgsql;
using Registry.Data.Audit;
using Registry.Domain.Audit;
using Registry.Mirror.Sync;
using Registry.Testing.Fakes;

namespace Registry.Mirror.Tests;

/// <summary>Each mirror page that wrote versions, and each page that failed, leaves one audit row; polls that change nothing leave none.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MirrorAuditTests(PostgresFixture postgres) : IAsyncLifetime
{
    private string connectionString = null!;
    private NpgsqlDataSource dataSource = null!;
    private FakeUpstreamRegistry upstream = null!;

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateMigratedConnectionStringAsync();
        dataSource = NpgsqlDataSource.Create(connectionString);
        upstream = await FakeUpstreamRegistry.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await upstream.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    private Task<IReadOnlyList<AuditEvent>> RowsAsync() =>
        new AuditTrailReader(dataSource).ReadPageAsync(new AuditFilter(0, 100, Action: AuditActions.Mirror), CancellationToken.None);

    [Fact]
    public async Task EveryPageThatWroteAndEveryFailedOneLeavesARowAsTheMirrorAndRereadingLeavesNone()
    {
        upstream.Publish("com.example/alpha", "1.0.0");
        upstream.Publish("com.example/alpha", "1.1.0");
        upstream.Publish("com.example/beta", "0.1.0");
        upstream.Plan(UpstreamAnswer.Error(500));

        await using var mirror = await MirrorHost.StartAsync(connectionString, upstream.BaseUrl, new Dictionary<string, string?> { ["PageSize"] = "2" });
        await Eventually.HoldsAsync(async () => (await RowsAsync()).Count(r => r.Entry.Outcome == AuditOutcomes.Succeeded) == 2, "both pages are audited");
        await Task.Delay(500);

        var rows = await RowsAsync();
        Assert.Equal(
            [
                (AuditOutcomes.Failed, 502, $"page from {upstream.BaseUrl} not imported: UpstreamException"),
                (AuditOutcomes.Succeeded, 200, $"2 of 2 versions written from {upstream.BaseUrl}"),
                (AuditOutcomes.Succeeded, 200, $"1 of 1 versions written from {upstream.BaseUrl}"),
            ],
            rows.Select(r => (r.Entry.Outcome, r.Entry.StatusCode, r.Entry.Detail)));
        Assert.All(rows, r => Assert.Equal((MirrorAudit.Actor, MirrorAudit.Actor, 0, (string?)null), (r.Entry.Actor, r.Entry.AuthMethod, r.Entry.Permissions.Count, r.Entry.ServerName)));
    }
}
