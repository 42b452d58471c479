using System.ComponentModel;
using System.Text.Json.Nodes;
using Grpc.Core;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Registry.Mcp.Catalog;
using Registry.Mcp.Install;

namespace Registry.Mcp.Tools;

/// <summary>
/// The registry's reads as MCP tools. They answer what the REST API answers, in its JSON: deleted versions only when
/// asked for, an unknown name or version as a tool error.
/// </summary>
[McpServerToolType]
internal sealed class RegistryTools(CatalogReader catalog)
{
    [McpServerTool(Name = "search_servers", Title = "Search MCP servers", ReadOnly = true, OpenWorld = false)]
    [Description("Finds MCP servers in this registry. Returns the latest version of each matching server (its server.json " +
        "with packages and remotes, and registry metadata such as status and publication time), at most 'limit' of them. " +
        "All filters are optional and combine with AND; with none, lists servers in name order.")]
    public async Task<CallToolResult> SearchServers(
        [Description("Text to look for in server names, e.g. 'filesystem' or 'github'. Case-insensitive substring match.")] string? query = null,
        [Description("Only servers with a package from this registry: npm, pypi, nuget, oci or mcpb.")] string? registryType = null,
        [Description("Only servers offering this transport in a package or remote: stdio, streamable-http or sse.")] string? transport = null,
        [Description("true: only servers with a remote (hosted) endpoint; false: only servers without one.")] bool? hasRemote = null,
        [Description("Only servers whose name is in this namespace, the part before the slash, e.g. 'io.github.octocat'.")] string? @namespace = null,
        [Description("Most servers to return, 1 to 100.")] int limit = ServerQuery.DefaultLimit,
        [Description("Also return servers whose latest version is deleted (hidden by default).")] bool includeDeleted = false,
        CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > ServerQuery.MaxLimit)
        {
            return ToolAnswers.Error($"limit must be between 1 and {ServerQuery.MaxLimit}.");
        }

        var filter = new ServerQuery(Blank(query), Blank(registryType), Blank(transport), hasRemote, Blank(@namespace), limit, includeDeleted);
        return await CallAsync(async () =>
        {
            var servers = await catalog.SearchAsync(filter, cancellationToken);
            return ToolAnswers.Json(new JsonObject
            {
                ["servers"] = new JsonArray([.. servers.Select(ToolAnswers.ToJsonNode)]),
                ["count"] = servers.Count,
            });
        });
    }

    [McpServerTool(Name = "get_server", Title = "Get an MCP server", ReadOnly = true, OpenWorld = false)]
    [Description("Gets one version of an MCP server by its exact name: its server.json (description, repository, packages " +
        "with their arguments and environment variables, remotes) and registry metadata (status, isLatest, publishedAt).")]
    public async Task<CallToolResult> GetServer(
        [Description("The server's exact name, 'namespace/name', e.g. 'io.github.octocat/weather'.")] string name,
        [Description("An exact version such as '1.2.0', or 'latest' (the default).")] string? version = null,
        [Description("Also find a deleted version (hidden by default).")] bool includeDeleted = false,
        CancellationToken cancellationToken = default)
    {
        var wanted = Blank(version) ?? "latest";
        return await CallAsync(async () => await catalog.GetAsync(name.Trim(), wanted, includeDeleted, cancellationToken) is { } server
            ? ToolAnswers.Json(ToolAnswers.ToJsonNode(server))
            : ToolAnswers.NotFound(name, wanted == "latest" ? null : wanted));
    }

    [McpServerTool(Name = "list_server_versions", Title = "List versions of an MCP server", ReadOnly = true, OpenWorld = false)]
    [Description("Lists the published versions of an MCP server, newest publication first, each with its server.json and " +
        "registry metadata (status, isLatest, publishedAt).")]
    public async Task<CallToolResult> ListServerVersions(
        [Description("The server's exact name, 'namespace/name', e.g. 'io.github.octocat/weather'.")] string name,
        [Description("Also list deleted versions (hidden by default).")] bool includeDeleted = false,
        CancellationToken cancellationToken = default) =>
        await CallAsync(async () => await catalog.VersionsAsync(name.Trim(), includeDeleted, cancellationToken) is { } versions
            ? ToolAnswers.Json(new JsonObject
            {
                ["servers"] = new JsonArray([.. versions.Select(ToolAnswers.ToJsonNode)]),
                ["count"] = versions.Count,
            })
            : ToolAnswers.NotFound(name, null));

    [McpServerTool(Name = "install_config", Title = "Client configuration for an MCP server", ReadOnly = true, OpenWorld = false)]
    [Description("Builds the configuration that adds an MCP server to a client: for 'vscode' the mcp.json content " +
        "({\"inputs\":[...],\"servers\":{...}}, VS Code prompts for the inputs), for 'claude-desktop' the " +
        "claude_desktop_config.json content ({\"mcpServers\":{...}}), for 'generic' one command/args/env (or url/headers) entry. " +
        "A package is preferred (npm via npx, PyPI via uvx, NuGet via dnx, OCI via docker), then a remote endpoint. " +
        "Values the user must supply (API keys, paths) are placeholders, described in 'placeholders'. Merge 'config' into the file.")]
    public async Task<CallToolResult> InstallConfig(
        [Description("The server's exact name, 'namespace/name', e.g. 'io.github.octocat/weather'.")] string name,
        [Description("The client to configure: vscode, claude-desktop or generic (the default).")] string? client = null,
        [Description("An exact version such as '1.2.0', or 'latest' (the default).")] string? version = null,
        CancellationToken cancellationToken = default)
    {
        if (InstallClients.Parse(client) is not { } target)
        {
            return ToolAnswers.Error($"Unknown client '{client}': use one of {InstallClients.Names}.");
        }

        var wanted = Blank(version) ?? "latest";
        return await CallAsync(async () =>
        {
            if (await catalog.GetAsync(name.Trim(), wanted, includeDeleted: false, cancellationToken) is not { } server)
            {
                return ToolAnswers.NotFound(name, wanted == "latest" ? null : wanted);
            }

            return InstallConfigBuilder.Build(server.Server, target) is { } config
                ? ToolAnswers.Json(config.ToJson())
                : ToolAnswers.Error($"Server '{server.Server.Name}' {server.Server.Version} has no package or remote a client can start.");
        });
    }

    /// <summary>A request the catalog refuses (a malformed name or version) is the caller's mistake: a tool error.</summary>
    private static async Task<CallToolResult> CallAsync(Func<Task<CallToolResult>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
        {
            return ToolAnswers.Error(e.Status.Detail);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
