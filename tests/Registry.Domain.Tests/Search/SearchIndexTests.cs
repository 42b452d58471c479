using Registry.Domain.Search;

namespace Registry.Domain.Tests.Search;

public class SearchIndexTests
{
    private static SearchDocument Document(string name, string description, string status = "active", string version = "1.0.0",
        string? npm = null, string? remoteUrl = null)
    {
        var packages = npm is null ? "[]" : $$$"""[{"registryType":"npm","identifier":"{{{npm}}}","transport":{"type":"stdio"}}]""";
        var remotes = remoteUrl is null ? "[]" : $$"""[{"type":"streamable-http","url":"{{remoteUrl}}"}]""";
        return SearchDocumentParser.Parse(name, version, status,
            $$"""{"name":"{{name}}","description":"{{description}}","packages":{{packages}},"remotes":{{remotes}}}""");
    }

    private static SearchQuery Query(string q, string? status = null, string? registryType = null, int? limit = null, string? cursor = null) =>
        SearchQueryRules.Build(q, registryType, null, null, status, null, limit, cursor);

    private static List<string> Names(SearchIndex index, string q, string? status = null) =>
        index.Search(Query(q, status)).Hits.Select(h => h.Name).ToList();

    [Fact]
    public void AReplacedDocumentIsFoundOnlyByItsNewWordsAndItsOldWordsLeaveTheVocabulary()
    {
        var index = new SearchIndex();
        index.Load([Document("io.github.acme/widgets", "zebra tooling")], 1);
        Assert.Equal(["io.github.acme/widgets"], Names(index, "zebra"));

        index.Apply(["io.github.acme/widgets"], [Document("io.github.acme/widgets", "giraffe tooling", version: "2.0.0")], 2);

        Assert.Empty(Names(index, "zebra"));
        Assert.Empty(Names(index, "zebr"));
        Assert.Empty(Names(index, "zebras"));
        var hit = Assert.Single(index.Search(Query("giraffe")).Hits);
        Assert.Equal("2.0.0", hit.Version);
        Assert.Equal(2, index.Position);
    }

    [Fact]
    public void ANameTheChangesListWithoutALatestVersionLeavesTheIndex()
    {
        var index = new SearchIndex();
        index.Load([Document("com.example/a", "alpha"), Document("com.example/b", "alpha")], 5);

        index.Apply(["com.example/a"], [], 6);

        Assert.Equal(["com.example/b"], Names(index, "alpha"));
        index.Apply([], [Document("com.example/a", "alpha")], 7);
        Assert.Equal(["com.example/a", "com.example/b"], Names(index, "alpha"));
    }

    [Fact]
    public void ScoresWeighAnExactNamePartAboveAPrefixAndTheNameAboveTheDescription()
    {
        var index = new SearchIndex();
        index.Load(
        [
            Document("io.github.x/postgres", "database"),
            Document("io.github.x/postgresql-tools", "database"),
            Document("io.github.x/tools", "talks to postgres"),
            Document("io.github.x/other", "nothing related"),
        ], 1);

        var hits = index.Search(Query("postgres")).Hits;

        Assert.Equal(["io.github.x/postgres", "io.github.x/postgresql-tools", "io.github.x/tools"], hits.Select(h => h.Name));
        Assert.Equal([20m, 8m, 2m], hits.Select(h => h.Score));
        Assert.Equal(100m + 20m + 20m + 20m + 20m, index.Search(Query("io.github.x/postgres")).Hits[0].Score);
    }

    [Fact]
    public void ATypoFindsTheWordItMissesAtAboutSixtyPercent()
    {
        var index = new SearchIndex();
        index.Load([Document("io.github.x/kubernetes", "cluster pods")], 1);

        var hit = Assert.Single(index.Search(Query("kubernets")).Hits);

        Assert.Equal(5m, hit.Score);
    }

    [Fact]
    public void FacetsCountEveryMatchWithTheOtherFiltersAndPagesNeitherRepeatNorSkip()
    {
        var index = new SearchIndex();
        index.Load(Enumerable.Range(0, 25).Select(i =>
            Document($"com.example/tool-{i:D2}", "weather", status: i % 5 == 0 ? "deprecated" : "active", npm: i % 2 == 0 ? $"@x/t{i}" : null)), 1);

        var first = index.Search(Query("weather", registryType: "npm", limit: 4));
        Assert.Equal(10, first.Facets.Total);
        Assert.Equal(10, first.Facets.RegistryType["npm"]);
        Assert.Equal(3, first.Facets.Status["deprecated"]);
        Assert.Equal(10, first.Facets.Status["active"]);
        Assert.Equal(10, first.Facets.HasRemote["false"]);

        var seen = new List<string>();
        SearchQuery? query = Query("weather", limit: 4);
        while (query is not null)
        {
            var page = index.Search(query);
            seen.AddRange(page.Hits.Select(h => h.Name));
            query = page.Hits.Count == 4 ? Query("weather", limit: 4, cursor: query.NextCursor(page.Hits[^1].Score, page.Hits[^1].Name)) : null;
        }

        Assert.Equal(Enumerable.Range(0, 25).Where(i => i % 5 != 0).Select(i => $"com.example/tool-{i:D2}"), seen);
    }

    [Fact]
    public void AnEmptyQueryBrowsesEveryEntryUnderTheFiltersInNameOrderAcrossPages()
    {
        var index = new SearchIndex();
        index.Load(Enumerable.Range(0, 9).Select(i =>
            Document($"com.example/n{8 - i}", $"word{i}", status: i == 4 ? "deprecated" : "active", npm: i % 2 == 0 ? $"@x/n{i}" : null)), 1);
        index.Apply(["com.example/n0"], [], 2);

        var seen = new List<string>();
        SearchQuery? query = Query("", limit: 3);
        while (query is not null)
        {
            var page = index.Search(query);
            Assert.All(page.Hits, h => Assert.Equal(0m, h.Score));
            Assert.Equal(7, page.Facets.Total);
            seen.AddRange(page.Hits.Select(h => h.Name));
            query = page.Hits.Count == 3 ? Query("", limit: 3, cursor: query.NextCursor(0m, page.Hits[^1].Name)) : null;
        }

        Assert.Equal(["com.example/n1", "com.example/n2", "com.example/n3", "com.example/n5", "com.example/n6", "com.example/n7", "com.example/n8"], seen);
        Assert.Equal(3, index.Search(Query("", registryType: "npm")).Facets.Total);
    }

    [Fact]
    public async Task SearchesRunWhileTheIndexChanges()
    {
        var index = new SearchIndex();
        index.Load(Enumerable.Range(0, 200).Select(i => Document($"com.example/s{i}", "steady")), 1);

        var writer = Task.Run(() =>
        {
            for (var round = 0; round < 200; round++)
            {
                index.Apply([$"com.example/s{round}"], [Document($"com.example/s{round}", "steady changed", version: "2.0.0")], 2 + round);
            }
        });
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Equal(200, index.Search(Query("steady", limit: 100)).Facets.Total);
            }
        }));

        await Task.WhenAll([writer, .. readers]);
        Assert.Equal(200, index.Search(Query("changed", limit: 100)).Facets.Total);
    }

    [Fact]
    public void TiesFollowNameOrderAfterManyNamesArriveBetweenTwoNeighbours()
    {
        var index = new SearchIndex();
        index.Load([Document("com.example/a", "tie"), Document("com.example/b", "tie")], 1);

        // Each name sorts just after the previous one and before "b", halving the same gap until it must be renumbered.
        var between = Enumerable.Range(1, 80).Select(n => "com.example/a" + new string('0', n)).ToList();
        foreach (var (name, sequence) in between.Select((name, i) => (name, i + 2L)).Reverse())
        {
            index.Apply([name], [Document(name, "tie")], sequence);
        }

        var names = index.Search(Query("tie", limit: 100)).Hits.Select(h => h.Name).ToList();
        Assert.Equal(["com.example/a", .. between, "com.example/b"], names);
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("7.55")]
    [InlineData("2")]
    [InlineData("2.00")]
    [InlineData("1.99")]
    [InlineData("0")]
    public void ACursorOfAnyScoreResumesWithoutFailing(string score)
    {
        var index = new SearchIndex();
        index.Load(Enumerable.Range(0, 5).Select(i => Document($"com.example/t{i}", "steady")), 1);
        var query = Query("steady", limit: 2);
        var cursor = SearchCursor.Encode(new SearchPosition(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture), "com.example/t1"), query.Fingerprint);

        var page = index.Search(Query("steady", limit: 2, cursor: cursor));

        var expected = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture) switch
        {
            > 2m => new[] { "com.example/t0", "com.example/t1" },
            2m => ["com.example/t2", "com.example/t3"],
            _ => [],
        };
        Assert.Equal(expected, page.Hits.Select(h => h.Name));
    }
}
