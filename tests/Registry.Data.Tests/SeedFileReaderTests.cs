using Registry.Data.Seeding;
using Registry.Data.ServerLists;

namespace Registry.Data.Tests;

/// <summary>A seed file read in pages yields what reading it whole yields, in the same order, with the same rejections.</summary>
public class SeedFileReaderTests
{
    private const string ListResponse = """
        {"metadata":{"count":5,"nextCursor":"ignored"},"servers":[
          {"server":{"name":"com.example/a","version":"1.0.0","description":"d"}},
          {"server":{"name":"com.example/a","version":"2.0.0","description":"d"},
           "_meta":{"io.modelcontextprotocol.registry/official":{"status":"active","isLatest":true,
             "publishedAt":"2025-01-01T00:00:00Z","updatedAt":"2025-01-01T00:00:00Z","statusChangedAt":"2025-01-01T00:00:00Z"}}},
          {"server":{"name":"com.example/b"}},
          "not an entry",
          {"server":{"name":"com.example/c","version":"0.1.0","description":"d"}}],"other":[1,2]}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(100)]
    public async Task PagesHoldTheEntriesAndRejectionsOfTheWholeFileInOrder(int entriesPerPage)
    {
        var whole = ServerListResponseReader.Read(ListResponse);

        var pages = await ReadPagesAsync(ListResponse, entriesPerPage);

        Assert.Equal((5 + entriesPerPage - 1) / entriesPerPage, pages.Count);
        Assert.All(pages, p => Assert.True(p.Entries.Count + p.Rejected.Count <= entriesPerPage));
        Assert.Equal(whole.Entries.Select(e => (e.Name, e.Version, e.Document, e.Official)),
            pages.SelectMany(p => p.Entries).Select(e => (e.Name, e.Version, e.Document, e.Official)));
        Assert.Equal(whole.Rejected, pages.SelectMany(p => p.Rejected));
        Assert.Equal(["entry 2", "entry 3"], whole.Rejected.Select(r => r.Split(':')[0]));
    }

    [Fact]
    public async Task ABareArrayIsReadAsTheList()
    {
        var pages = await ReadPagesAsync("""[{"name":"com.example/a","version":"1.0.0","description":"d"}]""", 10);

        Assert.Equal("com.example/a", Assert.Single(Assert.Single(pages).Entries).Name);
    }

    [Fact]
    public async Task AnEmptyListIsOneEmptyPage()
    {
        var page = Assert.Single(await ReadPagesAsync("""{"servers":[]}""", 10));

        Assert.Empty(page.Entries);
    }

    [Theory]
    [InlineData("""{"metadata":{}}""")]
    [InlineData("""{"servers":{}}""")]
    [InlineData("42")]
    [InlineData("""{"servers":[{"name":"com.example/a","version":"1.0.0"}""")]
    public async Task AFileWithoutAListIsRefused(string json)
    {
        await Assert.ThrowsAnyAsync<Exception>(() => ReadPagesAsync(json, 10));
    }

    private static async Task<List<ServerListResponseReader.Page>> ReadPagesAsync(string json, int entriesPerPage)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, json);
            return await SeedFileReader.ReadAsync(path, entriesPerPage, CancellationToken.None).ToListAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }
}
