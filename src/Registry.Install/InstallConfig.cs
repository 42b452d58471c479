using System.Text.Json.Nodes;

namespace Registry.Install;

/// <summary>
/// What <c>install_config</c> answers: the file to edit (none for <c>generic</c>), the JSON to merge into it, the
/// values the user must still supply, and notes on what was chosen.
/// </summary>
public sealed record InstallConfig(string? File, JsonObject Config, IReadOnlyList<JsonObject> Placeholders, IReadOnlyList<string> Notes)
{
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (File is not null) json["file"] = File;
        json["config"] = Config;
        if (Placeholders.Count > 0) json["placeholders"] = new JsonArray([.. Placeholders.Select(p => p.DeepClone())]);
        json["notes"] = new JsonArray([.. Notes.Select(n => (JsonNode)n)]);
        return json;
    }
}
