using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Registry.Gateway.Problems;
using Registry.Gateway.Routing;

namespace Registry.Gateway.RateLimiting;

/// <summary>
/// Limits each client address with a token bucket (by default 180 a minute, bursts up to 540, like the official
/// deployment). Refusals are 429 problem+json with Retry-After. Health, liveness and metrics are never limited,
/// so probes keep working for a client that is being throttled.
/// </summary>
internal static class ClientRateLimiting
{
    public static IHostApplicationBuilder AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.AddBoundOptions<RateLimitOptions>();
        builder.Services.AddRateLimiter(_ => { })
            .AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>(UseTokenBucketPerClient);
        return builder;
    }

    private static void UseTokenBucketPerClient(RateLimiterOptions limiter, IOptions<RateLimitOptions> bound)
    {
        var options = bound.Value;
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            !options.Enabled || OperationalPaths.IsMonitoring(context.Request.Path)
                ? RateLimitPartition.GetNoLimiter("exempt")
                : RateLimitPartition.GetTokenBucketLimiter(ClientAddress(context), _ => Bucket(options)));
        limiter.OnRejected = (rejected, _) => RefuseAsync(rejected, options);
    }

    private static TokenBucketRateLimiterOptions Bucket(RateLimitOptions options) => new()
    {
        TokenLimit = options.Burst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.RequestsPerMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static string ClientAddress(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RefuseAsync(OnRejectedContext rejected, RateLimitOptions options)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? retryAfter
            : TimeSpan.FromMinutes(1) / options.RequestsPerMinute;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GatewayProblem.WriteAsync(response, StatusCodes.Status429TooManyRequests,
            $"Rate limit exceeded: at most {options.RequestsPerMinute} requests a minute per client. Retry after {seconds} s.");
    }
}
