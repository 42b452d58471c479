using Registry.Domain.Search;

namespace Registry.Domain.Tests.Annotations;

public class AnnotationSearchIndexTests
{
    private static SearchDocument Document(string name, string? annotations = null) =>
        SearchDocumentParser.Parse(name, "1.0.0", "active", $$"""{"name":"{{name}}","description":"weather tools"}""", annotations);

    private static List<string> Names(SearchIndex index, params string[] annotations) =>
        index.Search(SearchQueryRules.Build("weather", null, null, null, null, null, null, null, annotations)).Hits.Select(h => h.Name).ToList();

    [Fact]
    public void RankedSearchKeepsOnlyEntriesWhoseAnnotationsMatchEveryFilter()
    {
        var index = new SearchIndex();
        index.Load(
            [
                Document("com.example/approved", """{"com.acme.registry/review":{"verdict":"approved"},"com.acme.registry/scan":{"clean":true}}"""),
                Document("com.example/rejected", """{"com.acme.registry/review":{"verdict":"rejected"}}"""),
                Document("com.example/plain"),
            ],
            1);

        Assert.Equal(3, Names(index).Count);
        Assert.Equal(["com.example/approved", "com.example/rejected"], Names(index, "com.acme.registry/review").Order());
        Assert.Equal(["com.example/approved"], Names(index, "com.acme.registry/review:verdict=approved"));
        Assert.Equal(["com.example/approved"], Names(index, "com.acme.registry/review", "com.acme.registry/scan:clean=true"));
        Assert.Empty(Names(index, "com.acme.registry/review:verdict=approved", "com.acme.registry/scan:clean=false"));
    }

    [Fact]
    public void AnAnnotationAppliedToTheIndexIsSeenByTheNextSearch()
    {
        var index = new SearchIndex();
        index.Load([Document("com.example/a")], 1);
        Assert.Empty(Names(index, "com.acme.registry/review"));

        index.Apply(["com.example/a"], [Document("com.example/a", """{"com.acme.registry/review":{"verdict":"approved"}}""")], 2);

        Assert.Equal(["com.example/a"], Names(index, "com.acme.registry/review:verdict=approved"));
    }
}
