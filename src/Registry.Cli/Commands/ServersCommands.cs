using System.CommandLine;
using Registry.Cli.Connection;
using Registry.Cli.Output;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>servers list|search|get|versions</c>: the catalog's reads.</summary>
public static class ServersCommands
{
    private const int AllPageSize = 100;

    public static Command Create(CommandRunner runner)
    {
        var servers = new Command("servers", "Read the catalog: list, search, show one version, list a server's versions");
        servers.Subcommands.Add(List(runner));
        servers.Subcommands.Add(Search(runner));
        servers.Subcommands.Add(Get(runner));
        servers.Subcommands.Add(Versions(runner));
        return servers;
    }

    private static Command List(CommandRunner runner)
    {
        var search = new Option<string?>("--search") { Description = "Substring of the name or description" };
        var version = new Option<string?>("--version") { Description = "'latest' or an exact version" };
        var updatedSince = new Option<string?>("--updated-since") { Description = "RFC 3339 time; versions updated after it (implies --include-deleted)", HelpName = "time" };
        var includeDeleted = new Option<bool>("--include-deleted") { Description = "Include deleted versions" };
        var annotation = AnnotationFilter();
        var limit = new Option<int?>("--limit") { Description = "Versions per page, 1..100 (default 30; 100 with --all)" };
        var cursor = new Option<string?>("--cursor") { Description = "Cursor of the next page, as printed after a full page" };
        var all = new Option<bool>("--all") { Description = "Follow the cursors and list every page" };
        var command = new Command("list", "List server versions in name order") { search, version, updatedSince, includeDeleted, annotation, limit, cursor, all };
        runner.Bind(command, async invocation =>
        {
            var request = new ListServersRequest();
            if (invocation.Value(search) is { } s) request.Search = s;
            if (invocation.Value(version) is { } v) request.Version = v;
            if (invocation.Value(updatedSince) is { } u) request.UpdatedSince = u;
            if (invocation.Value(includeDeleted)) request.IncludeDeleted = true;
            if (invocation.Value(limit) is { } l) request.Limit = l;
            if (invocation.Value(cursor) is { } c) request.Cursor = c;
            request.Annotation.AddRange(invocation.Value(annotation) ?? []);
            var followAll = invocation.Value(all);
            if (followAll && !request.HasLimit)
            {
                request.Limit = AllPageSize;
            }

            var list = followAll ? await ListAllAsync(invocation, request) : await ListPageAsync(invocation, request);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(list));
            }
            else
            {
                invocation.Console.Out.Write(ServerTables.List(list.Servers));
                invocation.Console.Note($"{list.Servers.Count} version(s)."
                    + (!followAll && list.Metadata?.HasNextCursor == true ? $" Next page: --cursor {list.Metadata.NextCursor}" : ""));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Task<ServerList> ListPageAsync(Invocation invocation, ListServersRequest request) =>
        invocation.CallAsync(ServiceKind.Catalog, (channel, call) => new Catalog.CatalogClient(channel).ListServersAsync(request, call).ResponseAsync);

    private static Task<ServerList> ListAllAsync(Invocation invocation, ListServersRequest request) =>
        invocation.WithStatusAsync("Reading page 1…", async progress =>
        {
            var all = new ServerList { Metadata = new ListMetadata() };
            for (var page = 1; ; page++)
            {
                var list = await ListPageAsync(invocation, request);
                all.Servers.AddRange(list.Servers);
                if (list.Metadata?.HasNextCursor != true || list.Servers.Count == 0)
                {
                    all.Metadata.Count = all.Servers.Count;
                    return all;
                }

                request.Cursor = list.Metadata.NextCursor;
                progress($"Reading page {page + 1} ({all.Servers.Count} versions so far)…");
            }
        });

    private static Command Search(CommandRunner runner)
    {
        var query = new Argument<string>("query") { Description = "Words to look for; empty browses every server under the filters", Arity = ArgumentArity.ZeroOrOne, DefaultValueFactory = _ => "" };
        var registryType = new Option<string?>("--registry-type") { Description = "npm | pypi | nuget | oci | mcpb | cargo" };
        var transport = new Option<string?>("--transport") { Description = "stdio | streamable-http | sse" };
        var hasRemote = new Option<bool?>("--has-remote") { Description = "Only servers with (true) or without (false) a remote" };
        var status = new Option<string?>("--status") { Description = "The latest version's status: active (default) | deprecated | deleted" };
        var ns = new Option<string?>("--namespace") { Description = "Only names starting with this prefix" };
        var annotation = AnnotationFilter();
        var limit = new Option<int?>("--limit") { Description = "Results per page, 1..100 (default 20)" };
        var cursor = new Option<string?>("--cursor") { Description = "Cursor of the next page, with the same query and filters" };
        var command = new Command("search", "Ranked search over the latest version of every server") { query, registryType, transport, hasRemote, status, ns, annotation, limit, cursor };
        runner.Bind(command, async invocation =>
        {
            var request = new SearchServersRequest { Q = invocation.Value(query) ?? "" };
            if (invocation.Value(registryType) is { } r) request.RegistryType = r;
            if (invocation.Value(transport) is { } t) request.Transport = t;
            if (invocation.Value(hasRemote) is { } h) request.HasRemote = h;
            if (invocation.Value(status) is { } s) request.Status = s;
            if (invocation.Value(ns) is { } n) request.Namespace = n;
            if (invocation.Value(limit) is { } l) request.Limit = l;
            if (invocation.Value(cursor) is { } c) request.Cursor = c;
            request.Annotation.AddRange(invocation.Value(annotation) ?? []);
            var response = await invocation.CallAsync(ServiceKind.Catalog, (channel, call) =>
                new Catalog.CatalogClient(channel).SearchServersAsync(request, call).ResponseAsync);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(response));
            }
            else
            {
                invocation.Console.Out.Write(ServerTables.Search(response));
                invocation.Console.Note($"{response.Servers.Count} of {response.Metadata?.Total ?? response.Servers.Count} match(es)."
                    + (response.Metadata?.HasNextCursor == true ? $" Next page: --cursor {response.Metadata.NextCursor}" : ""));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Get(CommandRunner runner)
    {
        var name = NameArgument();
        var version = new Option<string>("--version") { Description = "Version to show", DefaultValueFactory = _ => "latest" };
        var includeDeleted = new Option<bool>("--include-deleted") { Description = "Also find a deleted version" };
        var command = new Command("get", "Show one version of a server") { name, version, includeDeleted };
        runner.Bind(command, async invocation =>
        {
            var request = new GetServerVersionRequest { ServerName = invocation.Value(name), Version = invocation.Value(version)! };
            if (invocation.Value(includeDeleted)) request.IncludeDeleted = true;
            var entry = await invocation.CallAsync(ServiceKind.Catalog, (channel, call) =>
                new Catalog.CatalogClient(channel).GetServerVersionAsync(request, call).ResponseAsync);
            Write(invocation, entry);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Versions(CommandRunner runner)
    {
        var name = NameArgument();
        var includeDeleted = new Option<bool>("--include-deleted") { Description = "Include deleted versions" };
        var command = new Command("versions", "List every version of a server, newest first") { name, includeDeleted };
        runner.Bind(command, async invocation =>
        {
            var request = new ListServerVersionsRequest { ServerName = invocation.Value(name) };
            if (invocation.Value(includeDeleted)) request.IncludeDeleted = true;
            var list = await invocation.CallAsync(ServiceKind.Catalog, (channel, call) =>
                new Catalog.CatalogClient(channel).ListServerVersionsAsync(request, call).ResponseAsync);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(list));
            }
            else
            {
                invocation.Console.Out.Write(ServerTables.List(list.Servers));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes one version: its table, or its JSON.</summary>
    public static void Write(Invocation invocation, ServerResponse entry)
    {
        if (invocation.Json)
        {
            invocation.Console.Line(JsonOutput.Document(entry));
        }
        else
        {
            invocation.Console.Out.Write(ServerTables.Detail(entry));
        }
    }

    public static Argument<string> NameArgument() => new("name") { Description = "Server name, e.g. io.github.user/weather" };

    private static Option<string[]> AnnotationFilter() => new("--annotation")
    {
        Description = "Only versions with this operator annotation: KEY or KEY:FIELD=VALUE (repeatable)",
        AllowMultipleArgumentsPerToken = false,
    };
}
