namespace Registry.Verification.Outbound;

/// <summary>
/// The handler for every fetch whose host a caller chooses (well-known key files, package registries): redirects
/// are the caller's decision, no cookies, short-lived pooled connections, and only public addresses unless allowed.
/// </summary>
public static class GuardedHandler
{
    public static SocketsHttpHandler Create(TimeSpan connectTimeout, bool allowPrivateAddresses)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            UseCookies = false,
        };
        if (!allowPrivateAddresses)
        {
            handler.ConnectCallback = PublicAddressConnector.ConnectAsync;
        }

        return handler;
    }
}
