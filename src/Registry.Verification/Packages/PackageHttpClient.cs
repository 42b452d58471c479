using Microsoft.Extensions.Options;
using Registry.Verification.Outbound;

namespace Registry.Verification.Packages;

/// <summary>
/// The one outbound client for package registries: redirects only to allowed hosts, a size cap, one deadline over headers and body,
/// and only public addresses unless configured otherwise, because hosts and paths come from the publisher.
/// </summary>
public sealed class PackageHttpClient : IDisposable
{
    private const int MaxRedirects = 3;
    private readonly PackageOptions settings;
    private readonly HttpClient http;

    public PackageHttpClient(IOptions<PackageOptions> options)
    {
        settings = options.Value;
        var handler = GuardedHandler.Create(settings.Timeout, settings.AllowPrivateAddresses);

        // The deadline is ours (it also covers reading the body), so the client's own is off.
        http = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("mcp-registry-package-check/1.0");
    }

    public Task<PackageResponse> GetAsync(string url, string what, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null) =>
        SendAsync(HttpMethod.Get, url, what, configure, cancellationToken);

    public async Task<PackageResponse> SendAsync(HttpMethod method, string url, string what, Action<HttpRequestMessage>? configure, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new PackageVerificationException($"{what} has no valid http(s) URL");
        }

        var originalHost = uri.Host;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Timeout);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var request = new HttpRequestMessage(method, uri);
                configure?.Invoke(request);
                if (!string.Equals(uri.Host, originalHost, StringComparison.OrdinalIgnoreCase))
                {
                    // Credentials meant for the registry never travel to the storage host it redirects to.
                    request.Headers.Authorization = null;
                }

                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400)
                {
                    uri = NextHop(uri, response.Headers.Location, originalHost, hop, status, what);
                    continue;
                }

                var body = method == HttpMethod.Head ? string.Empty : await CappedBody.ReadAsync(response.Content, settings.MaxResponseBytes, deadline.Token)
                    ?? throw TooLarge(what, settings.MaxResponseBytes);
                return new PackageResponse(response.StatusCode, [.. response.Headers.WwwAuthenticate], body, what);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PackageVerificationException($"{what} did not answer within {settings.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException)
        {
            throw new PackageVerificationException($"{what} could not be fetched");
        }
    }

    /// <summary>
    /// Registries redirect downloads to their own host or to storage hosts; a redirect is followed only to the
    /// same host or to a host on <see cref="PackageOptions.RedirectAllowedHosts"/>, never from https down to http,
    /// a few times at most.
    /// </summary>
    private Uri NextHop(Uri current, Uri? location, string originalHost, int hop, int status, string what)
    {
        if (location is null || hop >= MaxRedirects)
        {
            throw new PackageVerificationException($"{what} answered {status} (a redirect that is not followed)");
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        var sameHost = string.Equals(next.Host, originalHost, StringComparison.OrdinalIgnoreCase) && next.Scheme == current.Scheme;
        var allowedElsewhere = (next.Scheme == Uri.UriSchemeHttps || next.Scheme == current.Scheme)
            && OciRegistryAllowlist.Allows(settings.RedirectAllowedHosts, next.Host);
        if (!sameHost && !allowedElsewhere)
        {
            throw new PackageVerificationException($"{what} answered {status} (a redirect to {next.Host}, which is not allowed)");
        }

        return next;
    }

    private static PackageVerificationException TooLarge(string what, int cap) =>
        new($"{what} is larger than {cap} bytes");

    public void Dispose() => http.Dispose();
}
