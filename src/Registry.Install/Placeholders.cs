using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Registry.Contracts.V0;

namespace Registry.Install;

/// <summary>
/// The values a user must supply. VS Code prompts for them itself (<c>${input:id}</c> plus an entry in <c>inputs</c>);
/// other clients get a visible <c>&lt;ID&gt;</c> to replace, listed with its description.
/// </summary>
public sealed partial class Placeholders(InstallClient client)
{
    private readonly Dictionary<string, JsonObject> declared = new(StringComparer.Ordinal);

    public IEnumerable<JsonObject> Declared => declared.Values;

    public string For(string id, string? description, bool secret, string? defaultValue)
    {
        id = IdPart().Replace(id, "_").Trim('_');
        if (!declared.ContainsKey(id))
        {
            var input = client == InstallClient.VsCode
                ? new JsonObject { ["type"] = "promptString", ["id"] = id }
                : new JsonObject { ["placeholder"] = $"<{id}>" };
            input["description"] = description ?? id;
            if (secret) input["password"] = true;
            if (defaultValue is not null) input["default"] = defaultValue;
            declared[id] = input;
        }

        return client == InstallClient.VsCode ? $"${{input:{id}}}" : $"<{id}>";
    }

    /// <summary>A value as the user's client should see it, or <c>null</c> when an optional value is best left out.</summary>
    public string? Resolve(string id, string? value, string? description, bool required, bool secret, string? defaultValue,
        IDictionary<string, Input>? variables = null)
    {
        if (value is not null) return Substitute(value, variables);
        if (required || secret) return For(id, description, secret, defaultValue);
        return defaultValue;
    }

    /// <summary>Replaces each <c>{name}</c> a value declares as a variable with its value or a placeholder.</summary>
    public string Substitute(string value, IDictionary<string, Input>? variables)
    {
        if (variables is null || variables.Count == 0) return value;
        foreach (var (name, input) in variables)
        {
            var replacement = input.HasValue ? input.Value : For(name, input.Description, input.IsSecret, input.HasDefault ? input.Default : null);
            value = value.Replace("{" + name + "}", replacement, StringComparison.Ordinal);
        }

        return value;
    }

    [GeneratedRegex("[^A-Za-z0-9_.-]+")]
    private static partial Regex IdPart();
}
