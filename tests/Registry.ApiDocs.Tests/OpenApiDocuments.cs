using System.Text;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace Registry.ApiDocs.Tests;

/// <summary>The two documents the tests compare, both read from YAML the way a client reads them.</summary>
internal static class OpenApiDocuments
{
    /// <summary>Ours must read without a single error.</summary>
    public static async Task<OpenApiDocument> OursAsync() => Read(Encoding.UTF8.GetString(await ApiDocument.YamlAsync()), strict: true);

    /// <summary>The official one carries a root <c>$id</c>, which OpenAPI does not define; that much is tolerated.</summary>
    public static OpenApiDocument Official() =>
        Read(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "official-openapi.yaml")), strict: false);

    private static OpenApiDocument Read(string yaml, bool strict)
    {
        var settings = new OpenApiReaderSettings();
        settings.TryAddReader("yaml", new OpenApiYamlReader());
        var (document, diagnostic) = OpenApiDocument.Parse(yaml, "yaml", settings);
        var errors = diagnostic?.Errors.Select(e => e.Message).ToList() ?? [];
        Assert.True(document is not null && (!strict || errors.Count == 0), "The document does not read: " + string.Join("; ", errors));
        return document!;
    }
}
