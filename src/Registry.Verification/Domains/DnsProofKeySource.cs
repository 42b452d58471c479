using System.Net;
using DnsClient;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Domains;

/// <summary>Reads TXT records at the domain itself (not a <c>_mcp</c> label), as the official registry does.</summary>
public sealed class DnsProofKeySource : IProofKeySource
{
    private readonly LookupClient lookup;

    public DnsProofKeySource(IOptions<AuthOptions> options)
    {
        var settings = options.Value.Dns;
        var lookupOptions = string.IsNullOrWhiteSpace(settings.Resolver)
            ? new LookupClientOptions()
            : new LookupClientOptions(IPEndPoint.Parse(settings.Resolver));
        lookupOptions.UseCache = false;
        lookupOptions.Timeout = settings.Timeout;
        lookupOptions.Retries = 1;
        lookupOptions.ThrowDnsErrors = false;
        lookup = new LookupClient(lookupOptions);
    }

    public async Task<IReadOnlyList<string>> ReadAsync(string domain, CancellationToken cancellationToken)
    {
        try
        {
            var response = await lookup.QueryAsync(domain, QueryType.TXT, QueryClass.IN, cancellationToken);
            if (response.HasError)
            {
                throw new ProofKeySourceException($"DNS lookup failed: {response.ErrorMessage}");
            }

            return response.Answers.TxtRecords().Select(record => string.Concat(record.Text)).ToList();
        }
        catch (DnsResponseException ex)
        {
            throw new ProofKeySourceException($"DNS lookup failed: {ex.Code}");
        }
    }
}
