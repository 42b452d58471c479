namespace Registry.Verification.Domains;

/// <summary>Where a domain publishes its proof keys: DNS TXT records or the HTTPS well-known file.</summary>
public interface IProofKeySource
{
    Task<IReadOnlyList<string>> ReadAsync(string domain, CancellationToken cancellationToken);
}

/// <summary>The key source could not be read; the message is safe to show the caller.</summary>
public sealed class ProofKeySourceException(string message) : Exception(message);
