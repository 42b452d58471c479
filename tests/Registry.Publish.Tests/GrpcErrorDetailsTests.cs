using System.Net;
using System.Text;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;
using Registry.Contracts.V0;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>A native gRPC caller learns from the status details what a REST caller reads in the problem body.</summary>
[Collection(PublishHostCollection.Name)]
public sealed class GrpcErrorDetailsTests(PublishHost host)
{
    [Fact]
    public async Task ARequestSchemaViolationCarriesOneFieldViolationPerError()
    {
        var document = WithoutDescription(NewName());
        document["version"] = 7;

        var failure = await Assert.ThrowsAsync<RpcException>(() => host.GrpcClient.PublishServerAsync(Request(document.ToJsonString())).ResponseAsync);

        Assert.Equal((StatusCode.InvalidArgument, "validation failed"), (failure.StatusCode, failure.Status.Detail));
        var violations = failure.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        Assert.NotNull(violations);
        Assert.Equal(await RestErrorsAsync(document.ToJsonString()), violations.Select(v => (v.Field, v.Description)).ToList());
    }

    [Fact]
    public async Task ARefusalWithoutErrorsCarriesNoDetails()
    {
        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            host.GrpcClient.PublishServerAsync(Request(Minimal(NewName()).ToJsonString())).ResponseAsync);

        Assert.Equal((StatusCode.Unauthenticated, "Authorization header is required"), (failure.StatusCode, failure.Status.Detail));
        Assert.Null(failure.GetRpcStatus());
    }

    [Fact]
    public async Task TheBearerTokenOfAGrpcCallReachesThePublisher()
    {
        var name = NewName();
        var headers = new Metadata { { "authorization", TestTokens.Bearer(host.Tokens.Publisher()) } };

        var published = await host.GrpcClient.PublishServerAsync(Request(Minimal(name).ToJsonString()), headers);

        Assert.Equal(name, published.Server.Name);
    }

    [Fact]
    public async Task ARestCallGetsTheProblemBodyWithoutGrpcDetails()
    {
        using var response = await PostRestAsync(WithoutDescription(NewName()).ToJsonString());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(response.Headers.Contains("grpc-status-details-bin"));
        Assert.StartsWith("""{"title":"Unprocessable Entity","status":422,"detail":"validation failed","errors":[""", await response.Content.ReadAsStringAsync());
    }

    private static PublishServerRequest Request(string json) => new()
    {
        Document = new HttpBody { ContentType = "application/json", Data = ByteString.CopyFromUtf8(json) },
    };

    private async Task<List<(string Field, string Description)>> RestErrorsAsync(string json)
    {
        using var response = await PostRestAsync(json);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("location").GetString()!, e.GetProperty("message").GetString()!))
            .ToList();
    }

    private async Task<HttpResponseMessage> PostRestAsync(string json)
    {
        using var client = host.RestClient();
        return await client.PostAsync("/v0/publish", new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
