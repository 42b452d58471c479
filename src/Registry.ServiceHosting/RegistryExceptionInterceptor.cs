using Grpc.Core;
using Grpc.Core.Interceptors;
using Registry.Domain.Errors;

namespace Registry.ServiceHosting;

/// <summary>
/// Services throw <see cref="RegistryException"/> with the official HTTP status. gRPC callers get the matching
/// status code; for transcoded REST calls the full problem is also left on the HttpContext, because HTTP statuses
/// such as 422 have no gRPC code of their own; native gRPC callers get the problem's errors as field violations
/// (<see cref="FieldViolations"/>). A failing dependency (a database that cannot be reached) answers what its
/// registered <see cref="IExceptionTranslator"/> says, a 503 rather than a 500.
/// </summary>
public sealed class RegistryExceptionInterceptor(IEnumerable<IExceptionTranslator> translators) : Interceptor
{
    public const string ProblemItemKey = "registry.problem";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (RegistryException exception)
        {
            throw Translate(exception, context);
        }
        catch (Exception exception) when (TranslateDependencyFailure(exception, context) is { } translated)
        {
            throw translated;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RegistryException exception)
        {
            throw Translate(exception, context);
        }
        catch (Exception exception) when (TranslateDependencyFailure(exception, context) is { } translated)
        {
            throw translated;
        }
    }

    private RpcException? TranslateDependencyFailure(Exception exception, ServerCallContext context)
    {
        if (context.CancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var translated = translators.Select(t => t.Translate(exception)).FirstOrDefault(e => e is not null);
        return translated is null ? null : Translate(translated, context);
    }

    private static RpcException Translate(RegistryException exception, ServerCallContext context)
    {
        var httpContext = context.GetHttpContext();
        httpContext.Items[ProblemItemKey] = RegistryProblem.From(exception);
        return FieldViolations.ToRpcException(ToGrpcCode(exception.Status), exception, httpContext);
    }

    public static StatusCode ToGrpcCode(int httpStatus) => httpStatus switch
    {
        400 or 422 => StatusCode.InvalidArgument,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.NotFound,
        409 => StatusCode.AlreadyExists,
        429 => StatusCode.ResourceExhausted,
        501 => StatusCode.Unimplemented,
        503 => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };
}
