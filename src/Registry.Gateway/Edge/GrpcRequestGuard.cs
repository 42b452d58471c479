using Registry.Gateway.Problems;

namespace Registry.Gateway.Edge;

/// <summary>
/// The gateway speaks REST. A gRPC call sent to it (content type <c>application/grpc</c>, <c>+proto</c>, <c>-web</c>)
/// would reach a service's gRPC endpoint by a REST route and end in a broken stream; it is a 415 at once, naming
/// where gRPC is served instead.
/// </summary>
internal sealed class GrpcRequestGuard(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
            ? GatewayProblem.WriteAsync(context.Response, StatusCodes.Status415UnsupportedMediaType,
                "The gateway answers REST only; call gRPC on the services' own endpoints")
            : next(context);
}
