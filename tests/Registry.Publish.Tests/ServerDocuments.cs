using System.Text.Json.Nodes;
using Registry.Domain.Publishing;

namespace Registry.Publish.Tests;

/// <summary>server.json documents under the test tokens' namespace, each with a name no other test uses.</summary>
public static class ServerDocuments
{
    public const string CurrentSchema = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";

    public static string NewName(string? @namespace = null) => $"{@namespace ?? TestTokens.Namespace}/test-{Guid.NewGuid():N}";

    public static JsonObject Minimal(string name, string version = "1.0.0") => new()
    {
        ["$schema"] = CurrentSchema,
        ["name"] = name,
        ["description"] = "A server the publish tests write",
        ["version"] = version,
    };

    /// <summary>Fails the request schema: a description is required.</summary>
    public static JsonObject WithoutDescription(string name)
    {
        var document = Minimal(name);
        document.Remove("description");
        return document;
    }

    /// <summary>Passes the schema, fails the semantic rules: "latest" is reserved.</summary>
    public static JsonObject WithReservedVersion(string name) => Minimal(name, "latest");

    public static JsonObject WithNpmPackage(string name, string version = "1.0.0")
    {
        var document = Minimal(name, version);
        document["packages"] = new JsonArray(new JsonObject
        {
            ["registryType"] = "npm",
            ["identifier"] = "@example/server",
            ["version"] = "1.0.0",
            ["transport"] = new JsonObject { ["type"] = "stdio" },
        });
        return document;
    }

    public static JsonObject WithRemote(string name, string url, string version = "1.0.0")
    {
        var document = Minimal(name, version);
        document["remotes"] = new JsonArray(new JsonObject { ["type"] = "streamable-http", ["url"] = url });
        return document;
    }

    public static JsonObject WithPublisherMetadata(JsonObject document, int bytes)
    {
        var padding = bytes - """{"note":""}""".Length;
        document["_meta"] = new JsonObject { [PublisherMetadata.Key] = new JsonObject { ["note"] = new string('x', padding) } };
        return document;
    }
}
