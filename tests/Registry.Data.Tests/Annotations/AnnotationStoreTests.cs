using System.Text.Json.Nodes;
using Npgsql;
using Registry.Data.Annotations;
using Registry.Data.Changes;
using Registry.Data.Mirroring;
using Registry.Data.Servers;
using Registry.Data.Writes;
using Registry.Domain.Errors;
using Registry.Domain.Listing;

namespace Registry.Data.Tests.Annotations;

[Collection(PostgresCollection.Name)]
public class AnnotationStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Name = "com.example/a";
    private const string Review = "com.acme.registry/review";
    private NpgsqlDataSource dataSource = null!;
    private ServerWriteStore writes = null!;
    private AnnotationStore annotations = null!;
    private ServerReadStore reads = null!;
    private ChangeLogReader log = null!;

    public async Task InitializeAsync()
    {
        dataSource = await postgres.CreateMigratedDatabaseAsync();
        writes = new ServerWriteStore(dataSource, TimeProvider.System);
        annotations = new AnnotationStore(dataSource, TimeProvider.System);
        reads = new ServerReadStore(dataSource);
        log = new ChangeLogReader(dataSource);
        await writes.PublishAsync(Version("1.0.0"), CancellationToken.None);
        await writes.PublishAsync(Version("2.0.0"), CancellationToken.None);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    private static NewServerVersion Version(string version) =>
        new(Name, version, $$"""{"name":"{{Name}}","version":"{{version}}","description":"d"}""", []);

    private Task<StoredAnnotation> SetAsync(string? version, string value, string key = Review) =>
        annotations.SetAsync(Name, version, key, value, "admin", CancellationToken.None);

    private async Task<JsonObject?> AnnotationsOfAsync(string version)
    {
        var record = await reads.GetVersionAsync(Name, version, includeDeleted: true, CancellationToken.None);
        return record!.Annotations is { } text ? JsonNode.Parse(text)!.AsObject() : null;
    }

    private async Task<List<(string Version, string Kind)>> AnnotatedChangesAsync() =>
        (await log.ReadAfterAsync(0, 100, CancellationToken.None)).Where(e => e.Kind == ServerChangeKind.Annotated).Select(e => (e.Version, e.Kind)).ToList();

    [Fact]
    public async Task ANameLevelAnnotationIsCarriedByEveryVersionAndLoggedOncePerVersion()
    {
        var stored = await SetAsync(null, """{"verdict":"approved"}""");

        Assert.Null(stored.Version);
        Assert.Equal("admin", stored.UpdatedBy);
        Assert.Equal("approved", (string?)(await AnnotationsOfAsync("1.0.0"))![Review]!["verdict"]);
        Assert.Equal("approved", (string?)(await AnnotationsOfAsync("2.0.0"))![Review]!["verdict"]);
        Assert.Equal([("1.0.0", "annotated"), ("2.0.0", "annotated")], await AnnotatedChangesAsync());
    }

    [Fact]
    public async Task AVersionsOwnAnnotationWinsOverItsNamesAndOnlyThatVersionIsLogged()
    {
        await SetAsync(null, """{"verdict":"pending"}""");
        var before = (await log.LatestSequenceAsync(CancellationToken.None));

        await SetAsync("2.0.0", """{"verdict":"approved"}""");

        Assert.Equal("pending", (string?)(await AnnotationsOfAsync("1.0.0"))![Review]!["verdict"]);
        Assert.Equal("approved", (string?)(await AnnotationsOfAsync("2.0.0"))![Review]!["verdict"]);
        var after = await log.ReadAfterAsync(before, 10, CancellationToken.None);
        Assert.Equal(["2.0.0"], after.Select(e => e.Version));
    }

    [Fact]
    public async Task ReplacingANameLevelAnnotationSkipsVersionsThatOverrideIt()
    {
        await SetAsync("2.0.0", """{"verdict":"approved"}""");
        await SetAsync(null, """{"verdict":"pending"}""");
        var before = await log.LatestSequenceAsync(CancellationToken.None);

        await SetAsync(null, """{"verdict":"rejected"}""");

        Assert.Equal(["1.0.0"], (await log.ReadAfterAsync(before, 10, CancellationToken.None)).Select(e => e.Version));
        Assert.Equal("approved", (string?)(await AnnotationsOfAsync("2.0.0"))![Review]!["verdict"]);
    }

    [Fact]
    public async Task SettingTheSameValueAgainLogsNothing()
    {
        await SetAsync("1.0.0", """{"verdict":"approved"}""");
        var before = await log.LatestSequenceAsync(CancellationToken.None);

        await SetAsync("1.0.0", """{ "verdict": "approved" }""");

        Assert.Equal(before, await log.LatestSequenceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RemovingAVersionsAnnotationUncoversItsNamesAndCountsTheVersionsChanged()
    {
        await SetAsync(null, """{"verdict":"pending"}""");
        await SetAsync("2.0.0", """{"verdict":"approved"}""");

        Assert.Equal(1, await annotations.RemoveAsync(Name, "2.0.0", Review, CancellationToken.None));
        Assert.Equal("pending", (string?)(await AnnotationsOfAsync("2.0.0"))![Review]!["verdict"]);

        Assert.Equal(2, await annotations.RemoveAsync(Name, null, Review, CancellationToken.None));
        Assert.Null(await AnnotationsOfAsync("2.0.0"));
    }

    [Fact]
    public async Task AnnotationsChangeNeitherTheDocumentNorTheOfficialMetadata()
    {
        var before = await reads.GetVersionAsync(Name, "1.0.0", includeDeleted: true, CancellationToken.None);

        await SetAsync("1.0.0", """{"verdict":"approved"}""");

        var after = await reads.GetVersionAsync(Name, "1.0.0", includeDeleted: true, CancellationToken.None);
        Assert.Equal(before! with { Annotations = after!.Annotations }, after);
    }

    [Fact]
    public async Task SeveralKeysAreMergedIntoOneObject()
    {
        await SetAsync(null, """{"verdict":"approved"}""");
        await SetAsync("1.0.0", """{"clean":true}""", "com.acme.registry/scan");

        var merged = await AnnotationsOfAsync("1.0.0");

        Assert.Equal([Review, "com.acme.registry/scan"], merged!.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Single((await AnnotationsOfAsync("2.0.0"))!);
    }

    [Fact]
    public async Task UnknownNamesVersionsAndAnnotationsAre404sThatChangeNothing()
    {
        Assert.Equal("Server not found", (await Assert.ThrowsAsync<RegistryException>(() =>
            annotations.SetAsync("com.example/none", null, Review, "{}", "admin", CancellationToken.None))).Detail);
        Assert.Equal("Server version not found", (await Assert.ThrowsAsync<RegistryException>(() => SetAsync("9.9.9", "{}"))).Detail);
        var missing = await Assert.ThrowsAsync<RegistryException>(() => annotations.RemoveAsync(Name, null, Review, CancellationToken.None));
        Assert.Equal((404, "Annotation not found"), (missing.Status, missing.Detail));
        Assert.Empty(await AnnotatedChangesAsync());
        Assert.Empty((await annotations.ListAsync(Name, CancellationToken.None))!);
        Assert.Null(await annotations.ListAsync("com.example/none", CancellationToken.None));
    }

    [Fact]
    public async Task ListingGivesNameLevelAnnotationsFirstThenEachVersions()
    {
        await SetAsync("2.0.0", """{"verdict":"approved"}""");
        await SetAsync(null, """{"verdict":"pending"}""");

        var listed = await annotations.ListAsync(Name, CancellationToken.None);

        Assert.Equal([(null, """{"verdict": "pending"}"""), ("2.0.0", """{"verdict": "approved"}""")], listed!.Select(a => (a.Version, a.ValueJson)));
    }

    [Fact]
    public async Task AMirrorRewritingAVersionKeepsItsAnnotations()
    {
        var importer = new MirrorImporter(dataSource, TimeProvider.System);
        var t0 = DateTimeOffset.UtcNow.AddDays(-1);
        MirroredVersion Mirrored(string description) =>
            new("com.example/m", "1.0.0", $$"""{"name":"com.example/m","version":"1.0.0","description":"{{description}}"}""",
                "active", null, t0, t0, t0, true);
        await importer.ImportPageAsync("http://upstream.test", [Mirrored("first")], MirrorPosition.Start, false, CancellationToken.None);
        await annotations.SetAsync("com.example/m", "1.0.0", Review, """{"verdict":"approved"}""", "admin", CancellationToken.None);
        await annotations.SetAsync("com.example/m", null, "com.acme.registry/scan", """{"clean":true}""", "admin", CancellationToken.None);

        await importer.ImportPageAsync("http://upstream.test", [Mirrored("second") with { UpdatedAt = t0.AddHours(1) }], MirrorPosition.Start, false, CancellationToken.None);

        var record = await reads.GetVersionAsync("com.example/m", "1.0.0", includeDeleted: true, CancellationToken.None);
        Assert.Contains("second", record!.Document);
        var merged = JsonNode.Parse(record.Annotations!)!.AsObject();
        Assert.Equal("approved", (string?)merged[Review]!["verdict"]);
        Assert.True((bool)merged["com.acme.registry/scan"]!["clean"]!);
    }

    [Fact]
    public async Task ListPagesCarryAnnotationsWhetherSearchedOrNot()
    {
        await SetAsync("1.0.0", """{"verdict":"approved"}""");

        foreach (var search in new string?[] { null, "example" })
        {
            var page = await reads.ListAsync(ServerListQueryRules.Build(null, 10, search, null, null, null), CancellationToken.None);
            Assert.NotNull(page.Single(r => r.Version == "1.0.0").Annotations);
            Assert.Null(page.Single(r => r.Version == "2.0.0").Annotations);
        }
    }
}
