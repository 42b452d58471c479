using System.Text.Json.Nodes;
using static Registry.EndToEnd.Tests.AnnotationClient;

namespace Registry.EndToEnd.Tests;

/// <summary>Annotations are the operator's: a mirrored entry takes them, and the mirror's updates keep them.</summary>
[Collection(MirroringRegistryCollection.Name)]
public class MirrorAnnotationTests(MirroringRegistryFixture registry)
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(60);

    private async Task<JsonNode> EventuallyAsync(string path, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow + CatchUpTimeout;
        while (true)
        {
            using var response = await registry.Gateway.GetAsync(path);
            if (response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync()) is { } body && condition(body))
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} did not reach the expected state in time.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task AnAnnotatedMirroredVersionTakesTheUpstreamsNewDocumentAndKeepsItsAnnotations()
    {
        var name = $"com.example.upstream/annotated-{Guid.NewGuid():N}";
        var path = $"/v0.1/servers/{Uri.EscapeDataString(name)}/versions/1.0.0";
        registry.Upstream.Publish(name, "1.0.0", description: "Before");
        await EventuallyAsync(path, _ => true);
        var annotations = new AnnotationClient(registry);
        var token = await annotations.AdminTokenAsync();
        await annotations.SetOkAsync(name, "1.0.0", Review, """{"verdict":"approved"}""", token);
        await annotations.SetOkAsync(name, null, "com.acme.registry/scan", """{"clean":true}""", token);

        var upstream = registry.Upstream.Edit(name, "1.0.0", "After");

        var mirrored = await EventuallyAsync(path, body => (string?)body["server"]!["description"] == "After");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(upstream.Document)!["description"], mirrored["server"]!["description"]));
        Assert.Equal("approved", (string?)mirrored["_meta"]![Review]!["verdict"]);
        Assert.True((bool)mirrored["_meta"]!["com.acme.registry/scan"]!["clean"]!);
    }
}
