using System.Text;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Registry.Data.Rendering;
using Registry.Data.Servers;
using Registry.Domain.Listing;

namespace Registry.Data.Tests.Rendering;

/// <summary>
/// The REST bodies written from stored rows must be the JSON of the typed responses: same fields, same values,
/// absent fields still absent. The typed responses are serialised here with protobuf's own JSON formatter.
/// </summary>
public class ServerResponseJsonTests
{
    private static readonly JsonFormatter TypedJson = new(JsonFormatter.Settings.Default);

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var file in ServerDocumentFiles.Valid())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void OneVersionIsTheTypedResponse(string document)
    {
        var record = Record(document);

        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToResponse(record)), ServerResponseJson.One(record));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void AWireRenderingGivesTheSameBodyAsTheStoredDocument(string document)
    {
        var stored = Record(document);
        var rendered = stored with { Document = ServerWireJson.Render(document), DocumentIsWireJson = true };

        Assert.Equal(ServerResponseJson.One(stored), ServerResponseJson.One(rendered));
        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToResponse(stored)), ServerResponseJson.One(rendered));
    }

    [Fact]
    public void FieldsOutsideTheContractAreDroppedAndPublisherMetadataKeepsItsValues()
    {
        const string document =
            """
            {"name":"com.example/x","version":"1.0.0","description":"caf\u00e9 <b>&</b> \"q\"","unknownField":{"a":1},
             "_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"n":3,"f":1.5,"big":12345678901,"list":[true,null,"s"],"nested":{"k":"v"}}}}
            """;
        var json = JsonNode.Parse(ServerWireJson.Render(document))!;

        Assert.Null(json["unknownField"]);
        Assert.Equal("caf\u00e9 <b>&</b> \"q\"", json["description"]!.GetValue<string>());
        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToResponse(Record(document))), ServerResponseJson.One(Record(document)));
    }

    [Fact]
    public void ARenderingHasNoWhitespaceBetweenTokens()
    {
        var rendered = ServerWireJson.Render("""{"name":"com.example/x","version":"1.0.0","packages":[{"registryType":"npm","identifier":"x"}]}""");

        Assert.Equal("""{"name":"com.example/x","version":"1.0.0","packages":[{"registryType":"npm","identifier":"x"}]}""", rendered);
    }

    [Fact]
    public void APageIsTheTypedPage()
    {
        var records = ServerDocumentFiles.Valid().Take(3).Select(Record).ToList();

        var full = ServerListQueryRules.Build(null, 3, "example", null, null, null);
        var roomy = ServerListQueryRules.Build(null, 30, null, null, null, null);

        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToPage(records, full)), ServerResponseJson.Page(records, full));
        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToPage(records, roomy)), ServerResponseJson.Page(records, roomy));
        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToList(records)), ServerResponseJson.List(records));
        Assert.Contains("\"nextCursor\"", Encoding.UTF8.GetString(ServerResponseJson.Page(records, full)));
        Assert.DoesNotContain("\"nextCursor\"", Encoding.UTF8.GetString(ServerResponseJson.Page(records, roomy)));
    }

    [Fact]
    public void AnEmptyPageStillCarriesItsArrayAndCount()
    {
        Assert.Equal("""{"servers":[],"metadata":{"count":0}}""", Encoding.UTF8.GetString(ServerResponseJson.Page([], ServerListQueryRules.Build(null, null, null, null, null, null))));
    }

    [Fact]
    public void AStatusMessageAppearsOnlyWhenSet()
    {
        var deprecated = Record(ServerDocumentFiles.Valid().First()) with { Status = "deprecated", StatusMessage = "use com.example/y" };
        var meta = JsonNode.Parse(ServerResponseJson.One(deprecated))!["_meta"]!["io.modelcontextprotocol.registry/official"]!;

        Assert.Equal("use com.example/y", meta["statusMessage"]!.GetValue<string>());
        AssertSameJson(TypedJson.Format(ServerResponseMapper.ToResponse(deprecated)), ServerResponseJson.One(deprecated));
        Assert.Null(JsonNode.Parse(ServerResponseJson.One(Record(ServerDocumentFiles.Valid().First())))!["_meta"]!
            ["io.modelcontextprotocol.registry/official"]!["statusMessage"]);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(10_000L)]
    [InlineData(1_230_000L)]
    [InlineData(10L)]
    [InlineData(1_234_560L)]
    [InlineData(1L)]
    [InlineData(9_999_999L)]
    public void TimestampsUseTheProtobufJsonForm(long fractionTicks)
    {
        var at = new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2)).AddTicks(fractionTicks);

        Assert.Equal(TypedJson.Format(Timestamp.FromDateTimeOffset(at)), $"\"{ServerResponseJson.TimestampText(at)}\"");
    }

    private static ServerVersionRecord Record(string document)
    {
        var at = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(90);
        var name = JsonNode.Parse(document)!["name"]!.GetValue<string>();
        return new ServerVersionRecord(name, "1.0.0", "active", null, at, at.AddSeconds(-1), at, true, document);
    }

    private static void AssertSameJson(string expected, byte[] actual)
    {
        var actualText = Encoding.UTF8.GetString(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actualText)), $"expected {expected}\nactual   {actualText}");
    }
}
