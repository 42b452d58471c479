using Registry.Contracts.V0;
using Registry.Install;

namespace Registry.Web.Presentation;

/// <summary>
/// What a person copies to install a server: the VS Code <c>mcp.json</c> and Claude Desktop entries (the same ones the
/// MCP endpoint's <c>install_config</c> writes) and a shell line per package that runs from one.
/// </summary>
public static class InstallSnippets
{
    public static IReadOnlyList<InstallSnippet> For(ServerJson server)
    {
        var snippets = new List<InstallSnippet>();
        if (InstallConfigBuilder.Build(server, InstallClient.VsCode) is { } vscode)
        {
            snippets.Add(new("vscode", "VS Code", "mcp.json", vscode.Config.ToJsonString(DisplayJson.Options)));
        }

        if (InstallConfigBuilder.Build(server, InstallClient.ClaudeDesktop) is { } claude)
        {
            snippets.Add(new("claude", "Claude Desktop", "claude_desktop_config.json", claude.Config.ToJsonString(DisplayJson.Options)));
        }

        foreach (var (package, index) in server.Packages.Select((p, i) => (p, i)))
        {
            if (InstallCommandLine.For(package) is { } line)
            {
                snippets.Add(new($"shell-{index}", "Command line", $"{package.RegistryType} {package.Identifier}", line));
            }
        }

        return snippets;
    }
}

/// <summary>One copyable snippet: an id for its element, the client it is for, a caption (the file or package) and the text.</summary>
public sealed record InstallSnippet(string Id, string Client, string Caption, string Text);
