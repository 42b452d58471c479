using System.Text.Json.Nodes;
using Registry.Contracts.V0;

namespace Registry.Install;

/// <summary>
/// Turns one server version into the configuration entry a client needs: a package run locally when the server has
/// one of a kind we know how to run (npm, PyPI, NuGet, OCI), otherwise its first remote, otherwise an MCP bundle.
/// Values the publisher marks required or secret and does not fix become placeholders; nothing is invented.
/// </summary>
public static class InstallConfigBuilder
{
    public static InstallConfig? Build(ServerJson server, InstallClient client)
    {
        var placeholders = new Placeholders(client);
        var notes = new List<string>();
        var runnable = server.Packages.FirstOrDefault(p => PackageCommand.Supported.Contains(p.RegistryType.ToLowerInvariant()));
        var bundle = server.Packages.FirstOrDefault(p => p.RegistryType.Equals("mcpb", StringComparison.OrdinalIgnoreCase));
        var remote = server.Remotes.FirstOrDefault(r => r.HasUrl && r.Url.Length > 0);
        JsonObject? entry = null;
        if (runnable is not null)
        {
            entry = PackageEntry(runnable, client, placeholders);
            notes.Add($"Runs the {runnable.RegistryType} package {runnable.Identifier} locally over stdio.");
        }
        else if (remote is not null)
        {
            entry = RemoteEntry(remote, client, placeholders);
            notes.Add($"Connects to the remote {remote.Type} endpoint {remote.Url}.");
            if (client == InstallClient.ClaudeDesktop)
            {
                notes.Add("Claude Desktop's config file starts local servers only, so the remote is reached through the mcp-remote bridge (npx).");
            }
        }
        else if (bundle is not null)
        {
            entry = BundleEntry(bundle);
            notes.Add("An MCP bundle (.mcpb): download the file, check its SHA-256 and open it in a client that installs bundles (such as Claude Desktop).");
        }

        if (entry is null) return null;
        if (server.Packages.Count + server.Remotes.Count > 1)
        {
            notes.Add($"The server also offers {server.Packages.Count} package(s) and {server.Remotes.Count} remote(s) in all; get_server lists them.");
        }

        var declared = placeholders.Declared.ToList();
        if (declared.Count > 0 && client != InstallClient.VsCode)
        {
            notes.Add("Replace each <placeholder> with the value described in placeholders.");
        }

        return client switch
        {
            InstallClient.VsCode => new("mcp.json", VsCodeFile(server.Name, entry, declared), [], notes),
            InstallClient.ClaudeDesktop => new("claude_desktop_config.json", new JsonObject { ["mcpServers"] = new JsonObject { [server.Name] = entry } }, declared, notes),
            _ => new(null, entry, declared, notes),
        };
    }

    private static JsonObject VsCodeFile(string name, JsonObject entry, List<JsonObject> inputs)
    {
        var file = new JsonObject();
        if (inputs.Count > 0) file["inputs"] = new JsonArray([.. inputs]);
        file["servers"] = new JsonObject { [name] = entry };
        return file;
    }

    private static JsonObject? PackageEntry(Package package, InstallClient client, Placeholders placeholders)
    {
        if (PackageCommand.For(package, placeholders) is not var (command, args)) return null;
        var entry = new JsonObject();
        if (client == InstallClient.VsCode) entry["type"] = "stdio";
        entry["command"] = command;
        entry["args"] = new JsonArray([.. args.Select(a => (JsonNode)a)]);
        var env = new JsonObject();
        foreach (var variable in package.EnvironmentVariables)
        {
            var value = placeholders.Resolve(variable.Name, variable.HasValue ? variable.Value : null,
                variable.HasDescription ? variable.Description : null, variable.IsRequired, variable.IsSecret,
                variable.HasDefault ? variable.Default : null, variable.Variables);
            if (value is not null) env[variable.Name] = value;
        }

        if (env.Count > 0) entry["env"] = env;
        return entry;
    }

    private static JsonObject RemoteEntry(Transport remote, InstallClient client, Placeholders placeholders)
    {
        var url = placeholders.Substitute(remote.Url, remote.Variables);
        var headers = new List<(string Name, string Value)>();
        foreach (var header in remote.Headers)
        {
            var value = placeholders.Resolve(header.Name, header.HasValue ? header.Value : null,
                header.HasDescription ? header.Description : null, header.IsRequired, header.IsSecret,
                header.HasDefault ? header.Default : null, header.Variables);
            if (value is not null) headers.Add((header.Name, value));
        }

        if (client == InstallClient.ClaudeDesktop)
        {
            var args = new JsonArray("-y", "mcp-remote", url);
            foreach (var (name, value) in headers)
            {
                args.Add("--header");
                args.Add($"{name}: {value}");
            }

            return new JsonObject { ["command"] = "npx", ["args"] = args };
        }

        var entry = new JsonObject
        {
            ["type"] = client == InstallClient.VsCode && remote.Type != "sse" ? "http" : remote.Type,
            ["url"] = url,
        };
        if (headers.Count > 0)
        {
            entry["headers"] = new JsonObject([.. headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)h.Value))]);
        }

        return entry;
    }

    private static JsonObject BundleEntry(Package bundle)
    {
        var entry = new JsonObject { ["type"] = "mcpb", ["url"] = bundle.Identifier };
        if (bundle.HasFileSha256) entry["fileSha256"] = bundle.FileSha256;
        return entry;
    }
}
