using System.Text.Json.Nodes;
using Registry.Domain.Annotations;
using Registry.Domain.Errors;

namespace Registry.Domain.Tests.Annotations;

public class AnnotationFilterTests
{
    private static JsonObject Annotations(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void AKeyAloneAsksForPresence() =>
        Assert.Equal(new AnnotationFilter("com.acme/review", null, null), AnnotationFilter.Parse("com.acme/review"));

    [Fact]
    public void TheFirstColonEndsTheKeyAndTheFirstEqualsEndsTheField() =>
        Assert.Equal(new AnnotationFilter("com.acme/review", "note", "a=b:c"), AnnotationFilter.Parse("com.acme/review:note=a=b:c"));

    [Fact]
    public void AnEmptyValueIsAValue() =>
        Assert.Equal(new AnnotationFilter("com.acme/review", "note", ""), AnnotationFilter.Parse("com.acme/review:note="));

    [Theory]
    [InlineData("review")]
    [InlineData("com.acme/review:verdict")]
    [InlineData("com.acme/review:=approved")]
    [InlineData("io.modelcontextprotocol.registry/official:status=active")]
    public void AMalformedFilterIsA422OnTheQueryParameter(string filter)
    {
        var error = Assert.Throws<RegistryException>(() => AnnotationFilter.Parse(filter));

        Assert.Equal(422, error.Status);
        var detail = Assert.Single(error.Errors);
        Assert.Equal("query.annotation", detail.Location);
        Assert.Equal(filter, detail.Value);
    }

    [Fact]
    public void FiltersAreSortedAndDeduplicatedSoEqualRequestsMakeEqualCursors()
    {
        var parsed = AnnotationFilter.ParseAll(["com.b/xy", "com.a/xy:v=1", "com.b/xy", ""]);

        Assert.Equal(["com.a/xy:v=1", "com.b/xy"], parsed.Select(f => f.ToString()));
    }

    [Fact]
    public void TooManyFiltersAreRefused()
    {
        var filters = Enumerable.Range(0, AnnotationFilter.MaxFilters + 1).Select(i => $"com.acme/k{i}");

        Assert.Equal(422, Assert.Throws<RegistryException>(() => AnnotationFilter.ParseAll(filters)).Status);
    }

    [Theory]
    [InlineData("com.acme/review", true)]
    [InlineData("com.acme/review:verdict=approved", true)]
    [InlineData("com.acme/review:verdict=rejected", false)]
    [InlineData("com.acme/review:score=3", true)]
    [InlineData("com.acme/review:signed=true", true)]
    [InlineData("com.acme/review:signed=false", false)]
    [InlineData("com.acme/review:nested=x", false)]
    [InlineData("com.acme/review:missing=x", false)]
    [InlineData("com.acme/scan", false)]
    public void AFilterMatchesPresenceOrATopLevelScalar(string filter, bool matches)
    {
        var annotations = Annotations("""{"com.acme/review":{"verdict":"approved","score":3,"signed":true,"nested":{"x":1}}}""");

        Assert.Equal(matches, AnnotationFilter.Parse(filter).Matches(annotations));
    }

    [Fact]
    public void AnEntryWithoutAnnotationsMatchesNoFilter() =>
        Assert.False(AnnotationFilter.Parse("com.acme/review").Matches(null));
}
