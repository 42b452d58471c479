using System.Net;
using Microsoft.Extensions.Options;
using Registry.Verification.Outbound;

namespace Registry.Verification.Domains;

/// <summary>
/// Fetches <c>https://{domain}/.well-known/mcp-registry-auth</c>: no redirects, a size cap and a timeout, and
/// only public addresses unless configured otherwise, because the host is chosen by the caller.
/// </summary>
public sealed class HttpProofKeySource : IProofKeySource, IDisposable
{
    private readonly HttpProofOptions settings;
    private readonly HttpClient http;

    public HttpProofKeySource(IOptions<AuthOptions> options)
    {
        settings = options.Value.Http;
        var handler = GuardedHandler.Create(settings.Timeout, settings.AllowPrivateAddresses);

        http = new HttpClient(handler) { Timeout = settings.Timeout };
    }

    public async Task<IReadOnlyList<string>> ReadAsync(string domain, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, settings.WellKnownUrlTemplate.Replace("{domain}", domain, StringComparison.Ordinal));
        request.Headers.Accept.ParseAdd("text/plain");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new ProofKeySourceException($"well-known key file answered {(int)response.StatusCode}");
            }

            var text = (await CappedBody.ReadAsync(response.Content, settings.MaxBodyBytes, cancellationToken))?.Trim()
                ?? throw new ProofKeySourceException($"well-known key file is larger than {settings.MaxBodyBytes} bytes");
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new ProofKeySourceException(ex is TaskCanceledException
                ? "well-known key file did not answer in time"
                : "well-known key file could not be fetched");
        }
    }

    public void Dispose() => http.Dispose();
}
