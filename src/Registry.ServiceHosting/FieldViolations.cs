using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Registry.Domain.Errors;

namespace Registry.ServiceHosting;

/// <summary>
/// A problem's <c>errors</c> list as gRPC callers see it: a <c>google.rpc.Status</c> carrying one
/// <c>google.rpc.BadRequest.FieldViolation</c> per entry, so that they learn what REST callers read in the body.
/// </summary>
public static class FieldViolations
{
    public static RpcException ToRpcException(StatusCode code, RegistryException exception, HttpContext httpContext)
    {
        // Transcoded REST calls answer with the problem body; rich details would only add a header to them.
        if (exception.Errors.Count == 0 || !IsNativeGrpc(httpContext))
        {
            return new RpcException(new Grpc.Core.Status(code, exception.Detail));
        }

        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(exception.Errors.Select(e => new BadRequest.Types.FieldViolation
        {
            Field = e.Location ?? "",
            Description = e.Message,
        }));
        return new Google.Rpc.Status { Code = (int)code, Message = exception.Detail, Details = { Any.Pack(badRequest) } }.ToRpcException();
    }

    private static bool IsNativeGrpc(HttpContext httpContext) =>
        httpContext.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ?? false;
}
