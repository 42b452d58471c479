using Microsoft.AspNetCore.Http;

namespace Registry.ServiceHosting;

/// <summary>
/// Where a request came from as the gateway saw it. The gateway (YARP, default transforms) sets X-Forwarded-For
/// to the address of its own client, replacing whatever the client sent, so its first entry is that address;
/// a caller that reached the service directly (another service over gRPC) is its connection's remote address.
/// </summary>
public static class ClientAddress
{
    private const string ForwardedFor = "X-Forwarded-For";

    public static string Of(HttpContext? context)
    {
        if (context is null)
        {
            return "";
        }

        var forwarded = context.Request.Headers[ForwardedFor].ToString();
        var first = forwarded.Split(',', 2)[0].Trim();
        return first.Length > 0 ? first : context.Connection.RemoteIpAddress?.ToString() ?? "";
    }
}
