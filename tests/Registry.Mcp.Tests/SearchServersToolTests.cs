using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using ModelContextProtocol.Protocol;
using Registry.Contracts.V0;
using Registry.Mcp.Catalog;
using Registry.Mcp.Tools;

namespace Registry.Mcp.Tests;

/// <summary>
/// search_servers over a catalog client whose one call is answered here: what it sends to <c>Catalog/SearchServers</c>,
/// how the answer is written, and that a refusal is a tool error. The real catalog is checked in the end-to-end tests.
/// </summary>
public class SearchServersToolTests
{
    private static readonly SearchServersResponse OnePage = new()
    {
        Servers =
        {
            new SearchResult
            {
                Server = new ServerJson { Name = "io.github.acme/postgres-mcp", Version = "1.2.0", Description = "Postgres" },
                Meta = new ResponseMeta(),
                Score = 28.5,
            },
        },
        Metadata = new SearchMetadata { Count = 1, Total = 3, NextCursor = "s1-next" },
        Facets = new Contracts.V0.SearchFacets { RegistryType = { ["npm"] = 2, ["cargo"] = 1 }, HasRemote = { ["false"] = 3 } },
    };

    [Fact]
    public async Task TheArgumentsGoToTheRankedSearchAsGiven()
    {
        var catalog = new AnsweringCatalog(OnePage);

        var result = await Tools(catalog).SearchServers(" postgres database ", registryType: "cargo", transport: "stdio",
            hasRemote: false, status: "deprecated", @namespace: "io.github.acme", limit: 5, cursor: "s1-previous");

        Assert.True(result.IsError != true, Text(result));
        var sent = Assert.Single(catalog.Requests);
        Assert.Equal("postgres database", sent.Q);
        Assert.Equal(("cargo", "stdio", false, "deprecated", "io.github.acme", 5, "s1-previous"),
            (sent.RegistryType, sent.Transport, sent.HasRemote, sent.Status, sent.Namespace, sent.Limit, sent.Cursor));
    }

    [Fact]
    public async Task UnsetFiltersAreLeftUnsetAndTheStatusIsActiveUnlessAskedFor()
    {
        var catalog = new AnsweringCatalog(OnePage);

        await Tools(catalog).SearchServers("postgres", registryType: " ", cursor: "");

        var sent = Assert.Single(catalog.Requests);
        Assert.False(sent.HasRegistryType || sent.HasTransport || sent.HasHasRemote || sent.HasNamespace || sent.HasCursor);
        Assert.Equal("active", sent.Status);
        Assert.Equal(ServerSearch.DefaultLimit, sent.Limit);
    }

    [Fact]
    public async Task TheAnswerIsTheRankedSearchsJsonWithScoresTotalFacetsAndCursor()
    {
        var json = Json(await Tools(new AnsweringCatalog(OnePage)).SearchServers("postgres"));

        var entry = json["servers"]![0]!;
        Assert.Equal("io.github.acme/postgres-mcp", entry["server"]!["name"]!.GetValue<string>());
        Assert.Equal(28.5, entry["score"]!.GetValue<double>());
        Assert.NotNull(entry["_meta"]);
        Assert.Equal((1, 3, "s1-next"), (json["metadata"]!["count"]!.GetValue<int>(), json["metadata"]!["total"]!.GetValue<int>(),
            json["metadata"]!["nextCursor"]!.GetValue<string>()));
        Assert.Equal(1, json["facets"]!["registryType"]!["cargo"]!.GetValue<int>());
        Assert.Equal(3, json["facets"]!["hasRemote"]!["false"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnEmptyPageStillHasEveryField()
    {
        var empty = new SearchServersResponse { Metadata = new SearchMetadata { Count = 0, Total = 0 }, Facets = new() };

        var json = Json(await Tools(new AnsweringCatalog(empty)).SearchServers("qqqzzz"));

        Assert.Empty(json["servers"]!.AsArray());
        Assert.Equal(0, json["metadata"]!["total"]!.GetValue<int>());
        Assert.Null(json["metadata"]!["nextCursor"]);
        Assert.All(["registryType", "transport", "hasRemote", "status"], facet => Assert.Empty(json["facets"]![facet]!.AsObject()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task NoWordsIsAToolErrorThatAsksForWordsWithoutCallingTheCatalog(string query)
    {
        var catalog = new AnsweringCatalog(OnePage);

        var result = await Tools(catalog).SearchServers(query, registryType: "npm");

        Assert.True(result.IsError);
        Assert.Contains("at least one word", Text(result));
        Assert.Empty(catalog.Requests);
    }

    [Fact]
    public async Task ARefusalIsAToolErrorNamingTheArgumentAndTheRule()
    {
        // As the catalog refuses a native gRPC caller (Registry.ServiceHosting.FieldViolations): the problem's detail
        // as the message and one field violation per error, located as the REST route's query parameter.
        var refusal = Refusal(("query.registryType", "expected value to be one of \"npm, pypi, nuget, oci, mcpb, cargo\""),
            ("query.q", "expected length <= 200"));

        var result = await Tools(new AnsweringCatalog(refusal)).SearchServers("x", registryType: "maven");

        Assert.True(result.IsError);
        Assert.Equal("validation failed: registryType: expected value to be one of \"npm, pypi, nuget, oci, mcpb, cargo\"; " +
            "query: expected length <= 200", Text(result));
    }

    [Fact]
    public async Task ARefusalWithoutFieldViolationsIsItsMessage()
    {
        var refusal = new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "q must not contain NUL characters"));

        var result = await Tools(new AnsweringCatalog(refusal)).SearchServers("x");

        Assert.True(result.IsError);
        Assert.Equal("q must not contain NUL characters", Text(result));
    }

    [Fact]
    public async Task ACatalogFailureIsNotDisguisedAsTheCallersMistake()
    {
        var outage = new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "catalog down"));

        var thrown = await Assert.ThrowsAsync<RpcException>(() => Tools(new AnsweringCatalog(outage)).SearchServers("x"));

        Assert.Equal(StatusCode.Unavailable, thrown.StatusCode);
    }

    private static RpcException Refusal(params (string Field, string Description)[] violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = "validation failed", Details = { Any.Pack(badRequest) } }
            .ToRpcException();
    }

    private static RegistryTools Tools(AnsweringCatalog catalog) =>
        new(new CatalogReader(new Contracts.V0.Catalog.CatalogClient(catalog)));

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    private static JsonNode Json(CallToolResult result)
    {
        Assert.True(result.IsError != true, Text(result));
        return JsonNode.Parse(Text(result))!;
    }

    /// <summary>Answers every SearchServers call with one response, or refuses it with one exception.</summary>
    private sealed class AnsweringCatalog : CallInvoker
    {
        private readonly SearchServersResponse? response;
        private readonly RpcException? refusal;

        public AnsweringCatalog(SearchServersResponse response) => this.response = response;

        public AnsweringCatalog(RpcException refusal) => this.refusal = refusal;

        public List<SearchServersRequest> Requests { get; } = [];

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
        {
            Assert.Equal("SearchServers", method.Name);
            Requests.Add((SearchServersRequest)(object)request);
            var answer = refusal is null
                ? Task.FromResult((TResponse)(object)response!)
                : Task.FromException<TResponse>(refusal);
            return new AsyncUnaryCall<TResponse>(answer, Task.FromResult(new Metadata()), () => Grpc.Core.Status.DefaultSuccess,
                () => [], () => { });
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
    }
}
