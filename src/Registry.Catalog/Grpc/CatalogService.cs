using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Registry.Catalog.Changes;
using Registry.Contracts.V0;
using Registry.Data.Changes;
using Registry.Data.Hosting;
using Registry.Data.Rendering;
using Registry.Data.Search;
using Registry.Data.Servers;
using Registry.Domain.Changes;
using Registry.Domain.Errors;
using Registry.Domain.Listing;
using Registry.Domain.Names;
using Registry.Domain.Search;
using Registry.ServiceHosting;

namespace Registry.Catalog.Grpc;

/// <summary>
/// The read API. Query rules live in Domain, SQL in Data; this class only connects them, and says what the caller
/// may see (<see cref="CallerViews"/>): a hidden name answers exactly as an absent one.
/// </summary>
public sealed class CatalogService(
    ServerReadStore store,
    ServerSearchStore search,
    ChangeLogReader changes,
    ChangeFeed feed,
    CallerViews views,
    IHostApplicationLifetime lifetime,
    DatabaseReachability database,
    IOptions<RegistryInfoOptions> info) : Contracts.V0.Catalog.CatalogBase
{
    public override async Task<ServerList> ListServers(ListServersRequest request, ServerCallContext context)
    {
        var (records, query) = await ListAsync(request, context);
        if (records.Count == 0)
        {
            EmptyArrayFields.Mark(context, "servers");
        }

        return ServerResponseMapper.ToPage(records, query);
    }

    public override async Task<HttpBody> ListServersJson(ListServersRequest request, ServerCallContext context)
    {
        var (records, query) = await ListAsync(request, context);
        return JsonBody(ServerResponseJson.Page(records, query));
    }

    public override async Task<ServerList> ListServerVersions(ListServerVersionsRequest request, ServerCallContext context) =>
        ServerResponseMapper.ToList(await ListVersionsAsync(request, context));

    public override async Task<HttpBody> ListServerVersionsJson(ListServerVersionsRequest request, ServerCallContext context) =>
        JsonBody(ServerResponseJson.List(await ListVersionsAsync(request, context)));

    public override async Task<ServerResponse> GetServerVersion(GetServerVersionRequest request, ServerCallContext context) =>
        ServerResponseMapper.ToResponse(await GetVersionAsync(request, context));

    public override async Task<HttpBody> GetServerVersionJson(GetServerVersionRequest request, ServerCallContext context) =>
        JsonBody(ServerResponseJson.One(await GetVersionAsync(request, context)));

    private async Task<(IReadOnlyList<ServerVersionRecord> Records, ServerListQuery Query)> ListAsync(ListServersRequest request, ServerCallContext context)
    {
        var query = ServerListQueryRules.Build(
            request.HasCursor ? request.Cursor : null,
            request.HasLimit ? request.Limit : null,
            request.HasSearch ? request.Search : null,
            request.HasUpdatedSince ? request.UpdatedSince : null,
            request.HasVersion ? request.Version : null,
            request.HasIncludeDeleted ? request.IncludeDeleted : null,
            request.Annotation) with { HiddenPrefixes = (await views.OfAsync(context)).HiddenPrefixes };
        return (await store.ListAsync(query, context.CancellationToken), query);
    }

    private async Task<IReadOnlyList<ServerVersionRecord>> ListVersionsAsync(ListServerVersionsRequest request, ServerCallContext context)
    {
        var name = DecodeName(request.ServerName);
        var view = await views.OfAsync(context);
        var records = view.CanSee(name) ? await store.ListVersionsAsync(name, request.IncludeDeleted, context.CancellationToken) : [];
        return records.Count == 0 ? throw RegistryErrors.ServerNotFound() : records;
    }

    private async Task<ServerVersionRecord> GetVersionAsync(GetServerVersionRequest request, ServerCallContext context)
    {
        var name = DecodeName(request.ServerName);
        if (!PathParameter.TryDecode(request.Version, out var version))
        {
            throw RegistryErrors.InvalidVersionEncoding();
        }

        var view = await views.OfAsync(context);
        if (!view.CanSee(name))
        {
            throw RegistryErrors.ServerNotFound();
        }

        return await store.GetVersionAsync(name, version, request.IncludeDeleted, context.CancellationToken)
            ?? throw RegistryErrors.ServerNotFound();
    }

    private static HttpBody JsonBody(byte[] json) => new()
    {
        ContentType = "application/json; charset=utf-8",
        Data = UnsafeByteOperations.UnsafeWrap(json),
    };

    public override async Task<ChangeList> ListChanges(ListChangesRequest request, ServerCallContext context)
    {
        var query = ChangeQueryRules.BuildList(request.HasAfter ? request.After : null, request.HasLimit ? request.Limit : null, request.NewestFirst);
        var hidden = (await views.OfAsync(context)).HiddenPrefixes;
        var entries = query.NewestFirst
            ? await changes.ReadNewestAfterAsync(query.After, query.Limit, hidden, context.CancellationToken)
            : await changes.ReadAfterAsync(query.After, query.Limit, hidden, context.CancellationToken);
        if (entries.Count == 0)
        {
            EmptyArrayFields.Mark(context, "changes");
        }

        return ChangeResponseMapper.ToPage(entries, query.After);
    }

    public override async Task<SearchServersResponse> SearchServers(SearchServersRequest request, ServerCallContext context)
    {
        var (page, query) = await SearchAsync(request, context);
        return SearchResponseMapper.ToResponse(page, query);
    }

    public override async Task<HttpBody> SearchServersJson(SearchServersRequest request, ServerCallContext context)
    {
        var (page, query) = await SearchAsync(request, context);
        return JsonBody(ServerResponseJson.Search(page, query));
    }

    private async Task<(SearchPage Page, SearchQuery Query)> SearchAsync(SearchServersRequest request, ServerCallContext context)
    {
        var query = SearchQueryRules.Build(
            request.Q,
            request.HasRegistryType ? request.RegistryType : null,
            request.HasTransport ? request.Transport : null,
            request.HasHasRemote ? request.HasRemote : null,
            request.HasStatus ? request.Status : null,
            request.HasNamespace ? request.Namespace : null,
            request.HasLimit ? request.Limit : null,
            request.HasCursor ? request.Cursor : null,
            request.Annotation) with { HiddenPrefixes = (await views.OfAsync(context)).HiddenPrefixes };
        return (await search.SearchAsync(query, context.CancellationToken), query);
    }

    public override async Task WatchChanges(WatchChangesRequest request, IServerStreamWriter<ServerChange> responseStream, ServerCallContext context)
    {
        var from = ChangeQueryRules.WatchFrom(request.FromSequence);
        var view = await views.OfAsync(context);
        // A watch never ends by itself; without this, a stopping catalog would wait out its shutdown timeout.
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            await foreach (var entry in feed.FollowAsync(from, watching.Token))
            {
                if (!view.CanSee(entry.Name))
                {
                    continue;
                }

                await responseStream.WriteAsync(ChangeResponseMapper.ToMessage(entry), watching.Token);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: the normal end of a watch.
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The catalog is stopping; watch again from the last sequence received"));
        }
    }

    /// <summary>Readiness as clients see it: ok only while the database answers; degraded (503) otherwise.</summary>
    public override async Task<HealthResponse> GetHealth(GetHealthRequest request, ServerCallContext context)
    {
        if (!await database.IsReachableAsync(context.CancellationToken))
        {
            throw RegistryErrors.Degraded();
        }

        var response = new HealthResponse { Status = "ok" };
        if (!string.IsNullOrEmpty(info.Value.GitHubClientId))
        {
            response.GithubClientId = info.Value.GitHubClientId;
        }

        return response;
    }

    public override Task<PingResponse> Ping(PingRequest request, ServerCallContext context) =>
        Task.FromResult(new PingResponse { Pong = true });

    public override Task<VersionResponse> GetVersion(GetVersionRequest request, ServerCallContext context) =>
        Task.FromResult(new VersionResponse
        {
            Version = info.Value.Version,
            GitCommit = info.Value.GitCommit,
            BuildTime = info.Value.BuildTime,
        });

    private static string DecodeName(string raw) =>
        PathParameter.TryDecode(raw, out var name) ? name : throw RegistryErrors.InvalidServerNameEncoding();
}
