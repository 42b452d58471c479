using System.Text.Json.Nodes;
using Json.Schema;

namespace Registry.Domain.Validation.Schema;

/// <summary>Reads the dated schemas embedded in this assembly and compiles each one once.</summary>
internal static class EmbeddedServerSchemas
{
    public static IReadOnlyDictionary<string, DatedServerSchema> LoadAll()
    {
        // A private registry keeps several validator instances (tests, hosts) from clashing over the same $id
        // in the library's global registry.
        var buildOptions = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return ServerSchemaVersions.Supported.ToDictionary(
            version => version,
            version => Load(version, buildOptions),
            StringComparer.Ordinal);
    }

    private static DatedServerSchema Load(string version, BuildOptions buildOptions)
    {
        var text = ReadResource($"Registry.Domain.Schemas.{version}.server.schema.json");
        var schema = JsonSchema.FromText(text, buildOptions);
        return new DatedServerSchema(version, schema, JsonNode.Parse(text)!);
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(EmbeddedServerSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded schema '{name}' is missing from Registry.Domain.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
