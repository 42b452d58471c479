using System.Text.Json.Nodes;

namespace Registry.EndToEnd.Tests;

[Collection(RegistryAppCollection.Name)]
public class DocumentFidelityTests(RegistryAppFixture registry)
{
    [Fact]
    public async Task EverySeededDocumentReadsBackFieldForField()
    {
        foreach (var expected in SampleSeed.Documents())
        {
            var name = Uri.EscapeDataString(expected["name"]!.GetValue<string>());
            var version = Uri.EscapeDataString(expected["version"]!.GetValue<string>());
            var body = JsonNode.Parse(await registry.Gateway.GetStringAsync($"/v0.1/servers/{name}/versions/{version}"))!;

            var actual = body["server"]!;
            Assert.True(JsonNode.DeepEquals(expected, actual), $"{name}@{version}\nexpected {expected.ToJsonString()}\nactual   {actual.ToJsonString()}");
        }
    }
}
