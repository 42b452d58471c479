using Microsoft.OpenApi;

namespace Registry.ApiDocs;

/// <summary>The document, built once from the contract and written as OpenAPI 3.1 YAML and JSON.</summary>
public static class ApiDocument
{
    private static readonly Lazy<Task<(byte[] Yaml, byte[] Json)>> Written = new(WriteAsync);

    public static async Task<byte[]> YamlAsync() => (await Written.Value).Yaml;

    public static async Task<byte[]> JsonAsync() => (await Written.Value).Json;

    private static async Task<(byte[] Yaml, byte[] Json)> WriteAsync()
    {
        var document = ApiDocumentBuilder.Build();
        var yaml = await document.SerializeAsYamlAsync(OpenApiSpecVersion.OpenApi3_1);
        var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1);
        return (System.Text.Encoding.UTF8.GetBytes(yaml), System.Text.Encoding.UTF8.GetBytes(json));
    }
}
