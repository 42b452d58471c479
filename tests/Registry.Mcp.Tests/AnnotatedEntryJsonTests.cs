using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Registry.Contracts.V0;
using Registry.Mcp.Tools;

namespace Registry.Mcp.Tests;

/// <summary>Tools answer typed messages in the REST reads' JSON: annotations are keys of _meta, beside the official metadata.</summary>
public class AnnotatedEntryJsonTests
{
    private static ServerResponse Annotated()
    {
        var entry = new ServerResponse
        {
            Server = new ServerJson { Name = "io.github.acme/weather", Version = "1.0.0", Description = "Weather" },
            Meta = new ResponseMeta { Official = new OfficialMeta { Status = "active" } },
        };
        entry.Meta.Annotations["com.acme.registry/review"] = new Struct { Fields = { ["verdict"] = Value.ForString("approved") } };
        return entry;
    }

    [Fact]
    public void AnEntrysAnnotationsAreKeysOfItsMetaBesideTheOfficialMetadata()
    {
        var meta = ToolAnswers.ToJsonNode(Annotated())["_meta"]!.AsObject();

        Assert.Equal(["com.acme.registry/review", "io.modelcontextprotocol.registry/official"], meta.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("approved", meta["com.acme.registry/review"]!["verdict"]!.GetValue<string>());
        Assert.Equal("active", meta["io.modelcontextprotocol.registry/official"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void EveryEntryOfAListIsRewrittenAndAnEntryWithoutAnnotationsIsLeftAsItIs()
    {
        var list = new ServerList { Servers = { Annotated(), new ServerResponse { Server = new ServerJson { Name = "io.github.acme/plain", Version = "1.0.0" } } } };

        var servers = ToolAnswers.ToJsonNode(list)["servers"]!.AsArray();

        Assert.Equal("approved", servers[0]!["_meta"]!["com.acme.registry/review"]!["verdict"]!.GetValue<string>());
        Assert.Null(servers[0]!["_meta"]!["annotations"]);
        Assert.Null(servers[1]!["_meta"]);
        Assert.Equal("io.github.acme/plain", servers[1]!["server"]!["name"]!.GetValue<string>());
    }
}
