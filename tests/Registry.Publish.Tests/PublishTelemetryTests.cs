using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Registry.Domain.Errors;
using Registry.Publish.Telemetry;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>Every write leaves one log event and one span, and neither ever holds the caller's token.</summary>
[Collection(PublishHostCollection.Name)]
public sealed class PublishTelemetryTests(PublishHost host)
{
    [Fact]
    public async Task NoLogLineEverHoldsTheCallersToken()
    {
        var name = NewName();
        var token = host.Tokens.Publisher();
        var forged = TestTokens.Forged();
        await host.Publisher.PublishAsync(TestTokens.Bearer(token), Minimal(name), default);
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync(TestTokens.Bearer(token), Minimal(name), default));
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync(TestTokens.Bearer(forged), Minimal(NewName()), default));
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync("Token " + token, Minimal(NewName()), default));
        await Assert.ThrowsAsync<RegistryException>(() => host.Statuses.SetVersionStatusAsync(TestTokens.Bearer(token), name, "1.0.0", "retired", null, default));
        await host.Statuses.DeleteVersionAsync(TestTokens.Bearer(token), name, "1.0.0", default);

        var records = host.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Message.StartsWith($"Published {name}@1.0.0 in ", StringComparison.Ordinal));
        foreach (var record in records)
        {
            var everything = string.Join("\n", [record.Message, record.Exception?.ToString() ?? "",
                .. record.StructuredState?.Select(kv => kv.Value ?? "") ?? []]);
            Assert.DoesNotContain(token, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(forged, everything, StringComparison.Ordinal);
            Assert.DoesNotContain(token.Split('.')[2], everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARefusalIsLoggedWithTheGateThatRefusedItAndTheStatus()
    {
        var name = NewName();
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Stranger()), Minimal(name), default));

        var refusal = Assert.Single(host.Logs.GetSnapshot(), r => r.Message.Contains(name, StringComparison.Ordinal));

        Assert.Equal(LogLevel.Information, refusal.Level);
        Assert.Equal($"Refused publish of {name}@1.0.0 at permission with 403 in {refusal.GetStructuredStateValue("ElapsedMs")} ms", refusal.Message);
    }

    [Fact]
    public async Task AStatusChangeIsLoggedWithTheStatusItSet()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Publisher()), Minimal(name), default);
        await host.Statuses.SetAllVersionsStatusAsync(TestTokens.Bearer(host.Tokens.Publisher()), name, "deprecated", null, default);

        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.StartsWith($"Changed the status of {name}@* to deprecated in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EachWriteIsOneSpanTaggedWithItsNameVersionAndOutcome()
    {
        var name = NewName();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WriteTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Publisher()), Minimal(name), default);
        await Assert.ThrowsAsync<RegistryException>(() => host.Publisher.EditAsync(TestTokens.Bearer(host.Tokens.Publisher()), name, "1.0.0", Minimal(name), default));

        var ours = spans.Where(s => (string?)s.GetTagItem("registry.server.name") == name).ToList();
        Assert.Equal(["publish", "edit"], ours.Select(s => s.OperationName));
        Assert.Equal(("1.0.0", "succeeded"), ((string?)ours[0].GetTagItem("registry.server.version"), (string?)ours[0].GetTagItem("registry.write.outcome")));
        Assert.Equal(("refused", "permission", ActivityStatusCode.Error),
            ((string?)ours[1].GetTagItem("registry.write.outcome"), (string?)ours[1].GetTagItem("registry.write.gate"), ours[1].Status));
    }
}
