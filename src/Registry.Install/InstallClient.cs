namespace Registry.Install;

/// <summary>The MCP clients whose configuration <c>install_config</c> writes.</summary>
public enum InstallClient
{
    /// <summary>VS Code's <c>mcp.json</c>: <c>{"inputs":[...],"servers":{...}}</c>.</summary>
    VsCode,

    /// <summary>Claude Desktop's <c>claude_desktop_config.json</c>: <c>{"mcpServers":{...}}</c>.</summary>
    ClaudeDesktop,

    /// <summary>A plain <c>command</c>/<c>args</c>/<c>env</c> (or <c>url</c>/<c>headers</c>) entry.</summary>
    Generic,
}

public static class InstallClients
{
    public const string Names = "vscode, claude-desktop, generic";

    public static InstallClient? Parse(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "generic" => InstallClient.Generic,
        "vscode" or "vs-code" or "vs code" => InstallClient.VsCode,
        "claude-desktop" or "claude" or "claude desktop" => InstallClient.ClaudeDesktop,
        _ => null,
    };
}
