using System.Net.Http;
using System.Net.Sockets;
using Google.Rpc;
using Grpc.Core;

namespace Registry.Cli.Connection;

/// <summary>
/// Turns what a gRPC call failed with into the message and exit code a person reads. The services put the
/// problem's detail in the status message and its errors as google.rpc.BadRequest field violations.
/// </summary>
public static class RpcFailures
{
    public static CliFailure Translate(RpcException exception, ServiceKind service, Uri address)
    {
        if (IsTransportFailure(exception, out var reason))
        {
            return new CliFailure(ExitCodes.Unreachable, $"Cannot reach the {service.Name} service at {address}: {reason}");
        }

        var detail = string.IsNullOrWhiteSpace(exception.Status.Detail) ? exception.StatusCode.ToString() : exception.Status.Detail;
        var violations = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations
            .Select(v => string.IsNullOrEmpty(v.Field) ? v.Description : $"{v.Field}: {v.Description}")
            .ToList();
        return exception.StatusCode switch
        {
            StatusCode.Unauthenticated => new CliFailure(ExitCodes.NotAuthorized, $"Not authenticated: {detail}", violations),
            StatusCode.PermissionDenied => new CliFailure(ExitCodes.NotAuthorized, $"Not permitted: {detail}", violations),
            StatusCode.Unavailable or StatusCode.DeadlineExceeded =>
                new CliFailure(ExitCodes.Unreachable, $"The {service.Name} service at {address} is not available: {detail}", violations),
            StatusCode.Unimplemented =>
                new CliFailure(ExitCodes.Refused, $"The {service.Name} service at {address} does not offer this call ({detail}); is it an older version?", violations),
            StatusCode.NotFound => new CliFailure(ExitCodes.Refused, $"Not found: {detail}", violations),
            _ => new CliFailure(ExitCodes.Refused, detail, violations),
        };
    }

    private static bool IsTransportFailure(RpcException exception, out string reason)
    {
        for (Exception? inner = exception.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                reason = socket.Message;
                return true;
            }

            if (inner is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } http)
            {
                reason = http.Message;
                return true;
            }

            if (inner is TaskCanceledException or TimeoutException)
            {
                reason = "the connection timed out";
                return true;
            }
        }

        // Any other failure of the client itself to complete the call (e.g. a server that does not speak HTTP/2).
        reason = exception.Status.DebugException?.Message ?? "";
        return exception.StatusCode == StatusCode.Unavailable && exception.Status.DebugException is not null;
    }
}
