using System.Text.Json;
using Registry.Data.ServerLists;

namespace Registry.Data.Tests;

public class ServerListResponseReaderTests
{
    [Fact]
    public void ListResponseEntriesKeepTheirOfficialMetadata()
    {
        const string json = """
            {"servers":[{"server":{"name":"com.example/a","version":"1.0.0","description":"d"},
              "_meta":{"io.modelcontextprotocol.registry/official":{"status":"deprecated","statusMessage":"old",
                "publishedAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-02T00:00:00Z","statusChangedAt":"2025-01-02T00:00:00Z","isLatest":true}}}],
             "metadata":{"nextCursor":"com.example/a:1.0.0","count":1}}
            """;

        var page = ServerListResponseReader.Read(json);

        var entry = Assert.Single(page.Entries);
        Assert.Equal(("com.example/a", "1.0.0"), (entry.Name, entry.Version));
        Assert.Equal(new ServerListOfficialMeta("deprecated", "old",
            new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero), true), entry.Official);
        Assert.Equal("com.example/a:1.0.0", page.NextCursor);
    }

    [Fact]
    public void PlainDocumentsHaveNoOfficialMetadata()
    {
        var page = ServerListResponseReader.Read("""[{"name":"com.example/a","version":"1.0.0","description":"d"}]""");

        Assert.Null(Assert.Single(page.Entries).Official);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public void OnlyThePublisherProvidedMetaIsStored()
    {
        var page = ServerListResponseReader.Read("""
            [{"name":"com.example/a","version":"1.0.0","description":"d",
              "_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"tool":"x"},"com.example/other":{"y":1},
                       "io.modelcontextprotocol.registry/official":{"isLatest":false}}}]
            """);

        using var stored = JsonDocument.Parse(Assert.Single(page.Entries).Document);
        var meta = stored.RootElement.GetProperty("_meta");
        Assert.Equal(["io.modelcontextprotocol.registry/publisher-provided"], meta.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void EntriesWithoutNameOrVersionOrWithWrongTypesAreRejectedOneByOne()
    {
        var page = ServerListResponseReader.Read("""
            [{"name":"com.example/a","version":"1.0.0"},
             {"name":"com.example/b"},
             {"name":"com.example/c","version":"1.0.0","packages":"not-a-list"},
             {"server":{"name":"com.example/d","version":"1"},"_meta":{"io.modelcontextprotocol.registry/official":{"status":"gone"}}}]
            """);

        Assert.Equal("com.example/a", Assert.Single(page.Entries).Name);
        Assert.Equal(3, page.Rejected.Count);
    }

    [Fact]
    public void SomethingThatIsNotASeedIsRefusedWhole() =>
        Assert.Throws<FormatException>(() => ServerListResponseReader.Read("""{"hello":"world"}"""));
}
