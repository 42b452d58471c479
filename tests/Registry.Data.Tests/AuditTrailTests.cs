using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using Registry.Data.Audit;
using Registry.Domain.Audit;

namespace Registry.Data.Tests;

[Collection(PostgresCollection.Name)]
public class AuditTrailTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly SettableClock clock = new(Noon);
    private readonly FakeLogger<AuditTrailWriter> logger = new();
    private NpgsqlDataSource dataSource = null!;
    private AuditTrailWriter writer = null!;
    private AuditTrailReader reader = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        writer = new AuditTrailWriter(dataSource, clock, logger);
        reader = new AuditTrailReader(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static AuditEntry Entry(string actor, string action, string? name, string outcome = AuditOutcomes.Succeeded, int status = 200) =>
        new(actor, actor.Length == 0 ? "" : "github-at", actor.Length == 0 ? [] : [$"publish:{name ?? "*"}"], "203.0.113.9",
            action, name, name is null ? null : "1.0.0", null, outcome, status);

    /// <summary>Five events an hour apart from 10:00: alice publishes a and b, a refusal, bob edits a, a mirror page.</summary>
    private async Task AppendFiveAsync()
    {
        AuditEntry[] entries =
        [
            Entry("alice", AuditActions.Publish, "com.example/a"),
            Entry("alice", AuditActions.Publish, "com.example/b"),
            Entry("", AuditActions.Publish, "com.example/a", AuditOutcomes.Refused, 401),
            Entry("bob", AuditActions.Edit, "com.example/a"),
            Entry("mirror", AuditActions.Mirror, null),
        ];
        for (var i = 0; i < entries.Length; i++)
        {
            clock.Now = Noon.AddHours(i - 2);
            await writer.AppendAsync(entries[i]);
        }
    }

    private async Task<long[]> IdsAsync(AuditFilter filter) =>
        (await reader.ReadPageAsync(filter, CancellationToken.None)).Select(e => e.Id).ToArray();

    [Fact]
    public async Task AnEntryIsReadBackAsItWasWrittenWithItsTime()
    {
        var entry = new AuditEntry("alice", "github-at", ["publish:com.example/*", "edit:com.example/a"], "::1", AuditActions.Status,
            "com.example/a", "*", "deprecated", AuditOutcomes.Succeeded, 200);

        await writer.AppendAsync(entry);

        var stored = Assert.Single(await reader.ReadPageAsync(new AuditFilter(0, 10), CancellationToken.None));
        Assert.Equal((1L, Noon), (stored.Id, stored.OccurredAt));
        Assert.Equal(entry.Permissions, stored.Entry.Permissions);
        Assert.Equal(entry with { Permissions = stored.Entry.Permissions }, stored.Entry);
    }

    [Fact]
    public async Task EachFilterKeepsOnlyItsMatchesInIdOrder()
    {
        await AppendFiveAsync();

        Assert.Equal(new long[] { 1, 2 }, await IdsAsync(new AuditFilter(0, 10, Actor: "alice")));
        Assert.Equal(new long[] { 1, 3, 4 }, await IdsAsync(new AuditFilter(0, 10, ServerName: "com.example/a")));
        Assert.Equal(new long[] { 2, 3 }, await IdsAsync(new AuditFilter(0, 10, Since: Noon.AddHours(-1), Until: Noon.AddHours(1))));
        Assert.Equal(new long[] { 4 }, await IdsAsync(new AuditFilter(0, 10, Action: AuditActions.Edit)));
        Assert.Equal(new long[] { 3 }, await IdsAsync(new AuditFilter(0, 10, Outcome: AuditOutcomes.Refused)));
        Assert.Equal(new long[] { 3 }, await IdsAsync(new AuditFilter(0, 10, Actor: "", ServerName: "com.example/a")));
        Assert.Empty(await IdsAsync(new AuditFilter(0, 10, Actor: "carol")));
    }

    [Fact]
    public async Task PagesFollowEachOtherByIdWithoutGapsOrRepeats()
    {
        await AppendFiveAsync();

        Assert.Equal(new long[] { 1, 2 }, await IdsAsync(new AuditFilter(0, 2)));
        Assert.Equal(new long[] { 3, 4 }, await IdsAsync(new AuditFilter(2, 2)));
        Assert.Equal(new long[] { 5 }, await IdsAsync(new AuditFilter(4, 2)));
        Assert.Empty(await IdsAsync(new AuditFilter(5, 2)));
        Assert.Equal(new long[] { 3, 4 }, await IdsAsync(new AuditFilter(1, 2, ServerName: "com.example/a")));
    }

    [Fact]
    public async Task TheExportWritesEveryMatchAsOneJsonObjectPerLine()
    {
        await AppendFiveAsync();
        using var output = new MemoryStream();

        await AuditJsonLines.WriteAsync(output, reader.StreamAsync(new AuditFilter(0, 1, ServerName: "com.example/a"), CancellationToken.None), CancellationToken.None);

        var lines = System.Text.Encoding.UTF8.GetString(output.ToArray()).Split('\n');
        Assert.Equal("", lines[^1]);
        var events = lines[..^1].Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([1L, 3L, 4L], events.Select(e => e.GetProperty("id").GetInt64()));
        var refused = events[1];
        Assert.Equal(("", "refused", 401, "com.example/a", "1.0.0", "203.0.113.9"),
            (refused.GetProperty("actor").GetString(), refused.GetProperty("outcome").GetString(), refused.GetProperty("statusCode").GetInt32(),
             refused.GetProperty("serverName").GetString(), refused.GetProperty("version").GetString(), refused.GetProperty("clientAddress").GetString()));
        Assert.Equal(Noon, refused.GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(["publish:com.example/a"], events[0].GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.False(events[0].TryGetProperty("detail", out _));
    }

    [Theory]
    [InlineData("UPDATE audit_events SET actor = 'mallory'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task TheDatabaseRefusesToChangeOrRemoveAuditRows(string statement)
    {
        await AppendFiveAsync();
        await using var command = dataSource.CreateCommand(statement);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        var rows = await reader.ReadPageAsync(new AuditFilter(0, 10), CancellationToken.None);
        Assert.Equal(5, rows.Count);
        Assert.DoesNotContain(rows, r => r.Entry.Actor == "mallory");
    }

    [Fact]
    public async Task AnEntryTheDatabaseRefusesIsDroppedWithAWarningInsteadOfAnError()
    {
        await writer.AppendAsync(Entry("alice", AuditActions.Publish, "com.example/a", outcome: "unheard-of"));

        Assert.Empty(await IdsAsync(new AuditFilter(0, 10)));
        var warning = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("Audit event not recorded: publish of com.example/a@1.0.0 by alice unheard-of with 200", warning.Message);
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
