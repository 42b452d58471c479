using System.Text.Json.Nodes;
using Registry.Domain.Errors;
using Registry.Domain.Publishing;

namespace Registry.Domain.Tests.Publishing;

public class PublisherMetadataTests
{
    [Fact]
    public void ADocumentWithoutMetaHasNoPublisherMetadata() =>
        Assert.Equal(0, PublisherMetadata.SizeInBytes(new JsonObject { ["name"] = "com.example/server" }));

    [Fact]
    public void OtherMetaKeysDoNotCount() =>
        Assert.Equal(0, PublisherMetadata.SizeInBytes(WithMeta("other/key", new string('x', 10_000))));

    [Fact]
    public void TheSizeIsTheLengthOfTheBlockAsEscapedJson() =>
        Assert.Equal("""{"note":"\u00E9"}""".Length, PublisherMetadata.SizeInBytes(WithMeta(PublisherMetadata.Key, "é")));

    [Fact]
    public void ABlockOfExactlyFourKilobytesIsAccepted()
    {
        var document = WithMeta(PublisherMetadata.Key, new string('x', PublisherMetadata.MaxBytes - """{"note":""}""".Length));

        Assert.Equal(PublisherMetadata.MaxBytes, PublisherMetadata.SizeInBytes(document));
        PublisherMetadata.RequireWithinLimit(document);
    }

    [Fact]
    public void ABlockOneByteOverFourKilobytesIsRefusedAsAPublishFailure()
    {
        var document = WithMeta(PublisherMetadata.Key, new string('x', PublisherMetadata.MaxBytes - """{"note":""}""".Length + 1));

        var refusal = Assert.Throws<RegistryException>(() => PublisherMetadata.RequireWithinLimit(document));

        Assert.Equal(400, refusal.Status);
        Assert.Equal("Failed to publish server", refusal.Detail);
        Assert.Equal("_meta.io.modelcontextprotocol.registry/publisher-provided must not exceed 4096 bytes", Assert.Single(refusal.Errors).Message);
    }

    private static JsonObject WithMeta(string key, string note) =>
        new() { ["_meta"] = new JsonObject { [key] = new JsonObject { ["note"] = note } } };
}
