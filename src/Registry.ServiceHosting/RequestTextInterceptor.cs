using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Registry.Domain.Errors;
using Registry.Domain.Requests;

namespace Registry.ServiceHosting;

/// <summary>
/// A NUL character in any string of any request message is refused (400, gRPC InvalidArgument) before a service
/// looks at it: PostgreSQL cannot store or compare it, and no name, version, token or message holds one. REST calls
/// are refused earlier by <see cref="RestRequestGuard"/>; this covers internal tools calling gRPC directly.
/// </summary>
public sealed class RequestTextInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        RequireNoNul(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        RequireNoNul(request);
        return continuation(request, responseStream, context);
    }

    private static void RequireNoNul(object? request)
    {
        if (request is IMessage message && FieldWithNul(message) is { } field)
        {
            throw RegistryErrors.NulCharacter(field);
        }
    }

    private static string? FieldWithNul(IMessage message)
    {
        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            if (field.FieldType is not (FieldType.String or FieldType.Message) || field.IsMap)
            {
                continue;
            }

            var value = field.Accessor.GetValue(message);
            if (value is System.Collections.IList items && field.IsRepeated)
            {
                foreach (var item in items)
                {
                    if (Problem(field, item) is { } inRepeated)
                    {
                        return inRepeated;
                    }
                }
            }
            else if (Problem(field, value) is { } inField)
            {
                return inField;
            }
        }

        return null;
    }

    private static string? Problem(FieldDescriptor field, object? value) => value switch
    {
        string text when RequestText.HasNul(text) => field.Name,
        IMessage nested when FieldWithNul(nested) is { } inner => $"{field.Name}.{inner}",
        _ => null,
    };
}
