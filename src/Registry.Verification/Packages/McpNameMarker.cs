namespace Registry.Verification.Packages;

/// <summary>The "mcp-name: &lt;server name&gt;" line PyPI and NuGet READMEs carry to claim a server.</summary>
internal static class McpNameMarker
{
    public static void RequireIn(string? text, string serverName, string where)
    {
        if (text is null || !text.Contains($"mcp-name: {serverName}", StringComparison.Ordinal))
        {
            throw new PackageVerificationException($"{where} does not contain 'mcp-name: {serverName}'");
        }
    }
}
