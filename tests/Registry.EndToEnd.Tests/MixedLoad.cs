using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Registry.EndToEnd.Tests;

/// <summary>
/// Clients reading cached pages (per-name routes of names nobody writes), reading pages nothing cached (a new search
/// each time) and publishing new versions, until stopped. Every answer is kept, with when it was asked and how long it took.
/// </summary>
internal sealed class MixedLoad(Func<HttpClient> newClient, string token, IReadOnlyList<string> cachedPaths) : IAsyncDisposable
{
    public enum Kind { CachedRead, UncachedRead, Publish }

    public sealed record Sample(Kind Kind, DateTimeOffset StartedAt, TimeSpan Took, int Status, string? Cache, string? Name, string? Version, string? Failure);

    private readonly ConcurrentQueue<Sample> samples = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> workers = [];

    public IReadOnlyCollection<Sample> Samples => samples;

    public void Start(int clients)
    {
        for (var i = 0; i < clients; i++)
        {
            var kind = (Kind)(i % 3);
            workers.Add(Task.Run(() => RunAsync(kind)));
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
    }

    private async Task RunAsync(Kind kind)
    {
        using var client = newClient();
        client.Timeout = TimeSpan.FromSeconds(10);
        var sequence = 0;
        while (!stop.IsCancellationRequested)
        {
            sequence++;
            var startedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            string? name = null, version = null;
            try
            {
                using var request = Request(kind, sequence, out name, out version);
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                samples.Enqueue(new Sample(kind, startedAt, clock.Elapsed, (int)response.StatusCode,
                    response.Headers.TryGetValues("X-Registry-Cache", out var cache) ? cache.First() : null, name, version, null));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                samples.Enqueue(new Sample(kind, startedAt, clock.Elapsed, 0, null, name, version, ex.GetType().Name + ": " + ex.Message));
            }

            await Task.Delay(25);
        }
    }

    private HttpRequestMessage Request(Kind kind, int sequence, out string? name, out string? version)
    {
        (name, version) = (null, null);
        switch (kind)
        {
            case Kind.CachedRead:
                return new HttpRequestMessage(HttpMethod.Get, cachedPaths[sequence % cachedPaths.Count]);
            case Kind.UncachedRead:
                return new HttpRequestMessage(HttpMethod.Get, $"/v0.1/servers?limit=5&search=never-cached-{Guid.NewGuid():N}");
            default:
                var document = Publisher.NewServer($"1.0.{sequence}", $"{Publisher.AnonymousNamespace}/outage-{Guid.NewGuid():N}");
                (name, version) = (document["name"]!.GetValue<string>(), document["version"]!.GetValue<string>());
                var publish = new HttpRequestMessage(HttpMethod.Post, "/v0.1/publish")
                {
                    Content = new StringContent(document.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                publish.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return publish;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        stop.Dispose();
    }

    public static bool Succeeded(Sample sample) => sample.Status == (int)HttpStatusCode.OK;
}
