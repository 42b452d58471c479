using System.Net.Http;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Registry.Cli.Connection;

namespace Registry.Cli.Tests;

public sealed class RpcFailureTests
{
    private static readonly Uri Address = new("http://127.0.0.1:5001");

    [Fact]
    public void ARefusalCarriesTheProblemsDetailAndOneLinePerFieldViolation()
    {
        var badRequest = new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "version", Description = "must not be latest" } } };
        var exception = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = "Validation failed", Details = { Any.Pack(badRequest) } }.ToRpcException();

        var failure = RpcFailures.Translate(exception, ServiceKind.Publish, Address);

        Assert.Equal(ExitCodes.Refused, failure.ExitCode);
        Assert.Equal("Validation failed", failure.Message);
        Assert.Equal(["version: must not be latest"], failure.Details);
    }

    [Theory]
    [InlineData(StatusCode.Unauthenticated, ExitCodes.NotAuthorized, "Not authenticated")]
    [InlineData(StatusCode.PermissionDenied, ExitCodes.NotAuthorized, "Not permitted")]
    [InlineData(StatusCode.NotFound, ExitCodes.Refused, "Not found")]
    [InlineData(StatusCode.Unavailable, ExitCodes.Unreachable, "not available")]
    [InlineData(StatusCode.AlreadyExists, ExitCodes.Refused, "the detail")]
    [InlineData(StatusCode.Unimplemented, ExitCodes.Refused, "does not offer this call")]
    public void EachStatusHasItsExitCode(StatusCode code, int exitCode, string expected)
    {
        var failure = RpcFailures.Translate(new RpcException(new Grpc.Core.Status(code, "the detail")), ServiceKind.Catalog, Address);

        Assert.Equal(exitCode, failure.ExitCode);
        Assert.Contains(expected, failure.Message);
    }

    [Fact]
    public void AConnectionThatCouldNotBeMadeNamesTheServiceAndItsAddress()
    {
        var transport = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:5001)");
        var exception = new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, "Error connecting to subchannel.", transport));

        var failure = RpcFailures.Translate(exception, ServiceKind.Verification, Address);

        Assert.Equal(ExitCodes.Unreachable, failure.ExitCode);
        Assert.Equal("Cannot reach the verification service at http://127.0.0.1:5001/: Connection refused (127.0.0.1:5001)", failure.Message);
    }
}
