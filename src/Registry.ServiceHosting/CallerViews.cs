using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Registry.Auth.Reading;
using Registry.Domain.Errors;

namespace Registry.ServiceHosting;

/// <summary>
/// What the caller of a read may see, judged from its <c>authorization</c> metadata exactly as the gateway judges it
/// (the same settings and resolver), so that a caller that reaches the catalog directly over gRPC, or through the web
/// catalog or the MCP server (which pass the caller's header on), sees no more than through the gateway.
/// </summary>
public sealed class CallerViews(ReadJudge judge)
{
    /// <summary>The read-access settings and the views of callers, for a service that answers reads.</summary>
    public static void AddTo(IHostApplicationBuilder builder)
    {
        builder.Services.AddRegistryReadAccess(builder.Configuration);
        builder.Services.AddSingleton<CallerViews>();
    }

    public async Task<ReadView> OfAsync(ServerCallContext context)
    {
        var verdict = await judge.JudgeAsync(context.RequestHeaders.GetValue("authorization"), context.CancellationToken);
        return verdict switch
        {
            { View: { } view } => view,
            { TokenWasInvalid: true } => throw RegistryErrors.ReadTokenInvalid(verdict.Refusal!),
            _ => throw RegistryErrors.ReadTokenRequired(),
        };
    }
}
