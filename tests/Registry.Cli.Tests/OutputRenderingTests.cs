using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Registry.Cli.Output;
using Registry.Contracts.V0;
using Spectre.Console;

namespace Registry.Cli.Tests;

public sealed class OutputRenderingTests
{
    private static readonly DateTimeOffset Updated = new(2026, 12, 1, 10, 30, 0, TimeSpan.Zero);

    private static ServerResponse Entry(string name, string version, bool latest = true) => new()
    {
        Server = new ServerJson { Name = name, Version = version, Description = "Weather [forecasts]" },
        Meta = new ResponseMeta
        {
            Official = new OfficialMeta { Status = "active", IsLatest = latest, UpdatedAt = Timestamp.FromDateTimeOffset(Updated), PublishedAt = Timestamp.FromDateTimeOffset(Updated) },
        },
    };

    private static string Render(Spectre.Console.Rendering.IRenderable renderable)
    {
        var output = new StringWriter();
        new CliConsole(output, new StringWriter(), Terminals.None).Out.Write(renderable);
        return output.ToString();
    }

    [Fact]
    public void AListShowsEachVersionOnOneLineWithItsStatusAndWhetherItIsLatest()
    {
        var longName = "io.modelcontextprotocol.anonymous/e2e-" + new string('a', 32);

        var text = Render(ServerTables.List([Entry(longName, "1.0.0", latest: false), Entry(longName, "1.1.0")]));

        var lines = text.Split('\n');
        Assert.Single(lines, l => l.Contains(longName) && l.Contains("1.0.0") && !l.Contains("yes"));
        Assert.Single(lines, l => l.Contains(longName) && l.Contains("1.1.0") && l.Contains("yes") && l.Contains("2026-12-01T10:30:00Z"));
    }

    [Fact]
    public void MarkupCharactersInValuesAreShownAsWritten()
    {
        var text = Render(ServerTables.List([Entry("io.github.a/b", "1.0.0")]));

        Assert.Contains("Weather [forecasts]", text);
    }

    [Fact]
    public void RedirectedOutputCarriesNoColourCodes()
    {
        var text = Render(ServerTables.Detail(Entry("io.github.a/b", "1.0.0")));

        Assert.DoesNotContain("\u001b[", text);
        Assert.Contains("Published", text);
    }

    [Fact]
    public void JsonOutputUsesTheRestApisFieldNames()
    {
        var json = JsonOutput.Document(Entry("io.github.a/b", "1.0.0"));

        using var document = JsonDocument.Parse(json);
        var official = document.RootElement.GetProperty("_meta").GetProperty("io.modelcontextprotocol.registry/official");
        Assert.Equal("io.github.a/b", document.RootElement.GetProperty("server").GetProperty("name").GetString());
        Assert.True(official.GetProperty("isLatest").GetBoolean());
        Assert.Equal("2026-12-01T10:30:00Z", official.GetProperty("updatedAt").GetString());
    }

    [Fact]
    public void AStreamedChangeIsOneJsonLine()
    {
        var change = new ServerChange { Sequence = 42, ServerName = "io.github.a/b", Version = "1.0.0", Kind = "published", Status = "active", OccurredAt = Timestamp.FromDateTimeOffset(Updated) };

        var line = JsonOutput.Line(change);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(42, JsonDocument.Parse(line).RootElement.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public void AChangeLineReadsSequenceTimeKindNameVersionStatus()
    {
        var change = new ServerChange { Sequence = 7, ServerName = "io.github.a/b", Version = "2.0.0", Kind = "status_changed", Status = "deprecated", OccurredAt = Timestamp.FromDateTimeOffset(Updated) };

        Assert.Equal("7 2026-12-01T10:30:00Z status_changed io.github.a/b 2.0.0 deprecated", ChangeLines.Format(change));
    }

    [Fact]
    public void AnIssueWithoutAPathIsAboutTheWholeDocument()
    {
        var text = Render(IssueTables.Issues(
        [
            new ValidationIssue { Severity = "error", Path = "", Message = "not JSON" },
            new ValidationIssue { Severity = "error", Path = "packages[0].transport", Message = "required" },
        ]));

        Assert.Contains("(document)", text);
        Assert.Contains("packages[0].transport", text);
    }

    [Fact]
    public void ANameLevelAnnotationIsShownForAllVersions()
    {
        var text = Render(AdminTables.Annotations([new Annotation { ServerName = "io.github.a/b", Key = "com.acme.registry/review", ValueJson = "{\"verdict\":\"approved\"}", UpdatedBy = "admin" }]));

        Assert.Contains("(all)", text);
        Assert.Contains("{\"verdict\":\"approved\"}", text);
    }
}
