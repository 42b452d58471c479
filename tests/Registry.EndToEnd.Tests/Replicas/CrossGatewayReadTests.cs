using System.Text.Json;

namespace Registry.EndToEnd.Tests.Replicas;

/// <summary>
/// Each gateway keeps cached answers; a write through one must make the others' answers fresh at once, with no
/// wait for an expiry.
/// </summary>
[Collection(ReplicatedRegistryCollection.Name)]
public class CrossGatewayReadTests(ReplicatedRegistryFixture registry)
{
    private const int Rounds = 3;

    [Fact]
    public async Task AVersionPublishedThroughOneGatewayIsReadAtOnceThroughTheOtherThoughItHadCachedTheOldAnswer()
    {
        var (token, name) = await new Publisher(registry.Gateways[0]).PublishNewServerAsync("1.0.0");
        var escaped = Uri.EscapeDataString(name);
        var latest = $"/v0.1/servers/{escaped}/versions/latest";
        var versions = $"/v0.1/servers/{escaped}/versions";
        var published = 0;

        for (var round = 1; round <= Rounds; round++)
        {
            foreach (var (writer, reader) in new[] { (0, 1), (1, 0) })
            {
                var before = $"1.{published}.0";
                var after = $"1.{++published}.0";
                Assert.Equal(before, Version((await CachedReadAsync(reader, latest)).Body));
                await CachedReadAsync(reader, versions);

                using var publish = await new Publisher(registry.Gateways[writer]).PublishAsync(Publisher.NewServer(after, name), token);
                publish.EnsureSuccessStatusCode();

                var read = await ResponseCacheTests.ReadAsync(registry.Gateways[reader], latest);
                Assert.True(Version(read.Body) == after, $"round {round}: gateway {reader + 1} answered {Version(read.Body)} (cache {read.Cache}) after {after} was published through gateway {writer + 1}");
                var listed = (await ResponseCacheTests.ReadAsync(registry.Gateways[reader], versions)).Body.GetProperty("servers").EnumerateArray()
                    .Select(Version).ToList();
                Assert.Contains(after, listed);
            }
        }
    }

    /// <summary>Reads until this gateway answers from its cache, so the write that follows has a cached answer to replace.</summary>
    private async Task<(JsonElement Body, string? Cache)> CachedReadAsync(int gateway, string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            var read = await ResponseCacheTests.ReadAsync(registry.Gateways[gateway], path);
            if (read.Cache == "hit")
            {
                return read;
            }

            Assert.True(attempt < 5, $"gateway {gateway + 1} did not cache {path}");
        }
    }

    private static string Version(JsonElement entry) => entry.GetProperty("server").GetProperty("version").GetString()!;
}
