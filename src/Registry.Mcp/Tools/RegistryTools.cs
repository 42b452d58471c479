using System.ComponentModel;
using System.Text.Json.Nodes;
using Grpc.Core;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Registry.Mcp.Catalog;
using Registry.Install;

namespace Registry.Mcp.Tools;

/// <summary>
/// The registry's reads as MCP tools. They answer what the REST API answers, in its JSON: deleted versions only when
/// asked for, an unknown name or version as a tool error.
/// </summary>
[McpServerToolType]
internal sealed class RegistryTools(CatalogReader catalog)
{
    [McpServerTool(Name = "search_servers", Title = "Search MCP servers", ReadOnly = true, OpenWorld = false)]
    [Description("Ranked search over the latest version of every MCP server in this registry, best match first. Each word " +
        "of 'query' is looked for in the server's name and its parts (io.github.acme/postgres-mcp: io, github, acme, " +
        "postgres, mcp), title, description, package identifiers and remote hosts, weighed in that order; an exact name or " +
        "name part ranks first, words of three letters or more also match as prefixes and, lower, with a typo. A server " +
        "matches when any word does, so more matching words rank higher. 'query' needs at least one word: describe what " +
        "the server should do or name it, e.g. 'postgres database', 'github issues', 'weather'. Answers " +
        "{\"servers\":[{\"server\": its server.json (packages, remotes), \"_meta\": registry metadata (status, " +
        "publishedAt, isLatest), \"score\": higher is better, comparable within one search}], \"metadata\":{\"count\", " +
        "\"total\": matches across all pages, \"nextCursor\": present when there are more}, \"facets\":{\"registryType\", " +
        "\"transport\", \"hasRemote\", \"status\": counts of matches per value}}. Filters combine with AND; each facet " +
        "counts what choosing that value would return, so use them to narrow. For the next page call again with the " +
        "same query and filters and cursor = metadata.nextCursor.")]
    public async Task<CallToolResult> SearchServers(
        [Description("The words to look for, 1 to 200 characters, case ignored, e.g. 'postgres database' or a server's " +
            "name such as 'io.github.acme/weather'.")] string query,
        [Description("Only servers with a package from this registry: npm, pypi, nuget, oci, mcpb or cargo.")] string? registryType = null,
        [Description("Only servers offering this transport in a package or a remote: stdio (runs locally), " +
            "streamable-http or sse (hosted).")] string? transport = null,
        [Description("true: only servers with a remote (hosted) endpoint; false: only servers without one.")] bool? hasRemote = null,
        [Description("The status of the server's latest version: active (the default), deprecated, or deleted (withdrawn; " +
            "only listed when asked for).")] string status = ServerSearch.DefaultStatus,
        [Description("Only servers whose name starts with this prefix, case ignored, e.g. 'io.github.acme' or " +
            "'io.github.acme/'.")] string? @namespace = null,
        [Description("Most servers to return on this page, 1 to 100.")] int limit = ServerSearch.DefaultLimit,
        [Description("metadata.nextCursor of the previous answer, for its next page; pass the same query and filters " +
            "with it.")] string? cursor = null,
        CancellationToken cancellationToken = default)
    {
        // Without words the ranked search browses in name order, every score 0: no answer to an agent's question; ask for words.
        if (string.IsNullOrWhiteSpace(query))
        {
            return ToolAnswers.Error("query needs at least one word to search for, e.g. 'postgres', 'github issues' or a " +
                "server's name; the filters (registryType, transport, hasRemote, status, namespace) then narrow the matches.");
        }

        var search = new ServerSearch(query.Trim(), Blank(registryType), Blank(transport), hasRemote, Blank(status),
            Blank(@namespace), limit, Blank(cursor));
        return await CallAsync(async () => ToolAnswers.Json(ToolAnswers.SearchPage(await catalog.SearchAsync(search, cancellationToken))));
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

    /// <summary>
    /// A request the catalog refuses (a malformed name or version, a search argument outside its rules) is the caller's
    /// mistake: a tool error with the catalog's reasons, never a failed call.
    /// </summary>
    private static async Task<CallToolResult> CallAsync(Func<Task<CallToolResult>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound)
        {
            return ToolAnswers.Error(ToolAnswers.Refusal(e));
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
