using System.Text.Json.Nodes;
using Grpc.Core;
using Grpc.Net.Client;
using Registry.Contracts.V0;

namespace Registry.EndToEnd.Tests;

/// <summary>Reads the change feed the two ways clients do: REST pages through the gateway, and a gRPC watch.</summary>
internal sealed class ChangeFeedClient(RegistryAppFixture registry) : IDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(30);
    private readonly GrpcChannel channel = GrpcChannel.ForAddress(registry.CatalogGrpcAddress);

    public sealed record Change(long Sequence, string Name, string Version, string Kind, string Status);

    /// <summary>The sequence the log currently ends at.</summary>
    public async Task<long> EndAsync()
    {
        long after = 0;
        while (true)
        {
            var (changes, nextAfter) = await PageAsync($"/v0/x/dev.mcpregistry/changes?after={after}&limit=500");
            if (changes.Count == 0)
            {
                return nextAfter;
            }

            after = nextAfter;
        }
    }

    /// <summary>Every change after <paramref name="after"/>, page by page.</summary>
    public async Task<List<Change>> ReadAfterAsync(long after)
    {
        var all = new List<Change>();
        while (true)
        {
            var (changes, nextAfter) = await PageAsync($"/v0/x/dev.mcpregistry/changes?after={after}&limit=50");
            if (changes.Count == 0)
            {
                return all;
            }

            all.AddRange(changes);
            after = nextAfter;
        }
    }

    public async Task<(List<Change> Changes, long NextAfter)> PageAsync(string path)
    {
        var page = JsonNode.Parse(await registry.Gateway.GetStringAsync(path))!;
        var changes = page["changes"]!.AsArray().Select(c => new Change(
            Sequence: c!["sequence"]!.GetValue<long>(),
            Name: c["serverName"]!.GetValue<string>(),
            Version: c["version"]!.GetValue<string>(),
            Kind: c["kind"]!.GetValue<string>(),
            Status: c["status"]!.GetValue<string>())).ToList();
        Assert.Equal(changes.Count, page["metadata"]!["count"]!.GetValue<int>());
        return (changes, page["metadata"]!["nextAfter"]!.GetValue<long>());
    }

    public AsyncServerStreamingCall<ServerChange> Watch(long fromSequence, CancellationToken cancellationToken = default) =>
        new Catalog.CatalogClient(channel).WatchChanges(new WatchChangesRequest { FromSequence = fromSequence }, cancellationToken: cancellationToken);

    /// <summary>Reads from a watch until <paramref name="done"/> holds for what it has received.</summary>
    public static async Task<List<Change>> ReceiveUntilAsync(AsyncServerStreamingCall<ServerChange> watch, Func<List<Change>, bool> done)
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var received = new List<Change>();
        while (!done(received))
        {
            Assert.True(await watch.ResponseStream.MoveNext(timeout.Token), "the watch ended");
            var c = watch.ResponseStream.Current;
            received.Add(new Change(c.Sequence, c.ServerName, c.Version, c.Kind, c.Status));
        }

        return received;
    }

    public void Dispose() => channel.Dispose();
}
