using System.Text.RegularExpressions;

namespace Registry.Verification.Domains;

/// <summary>A published proof key: <c>v=MCPv1; k=ed25519|ecdsap384; p=&lt;base64 public key&gt;</c>.</summary>
public sealed partial record ProofKeyRecord(string Algorithm, byte[] PublicKey)
{
    public const string Ed25519 = "ed25519";
    public const string EcdsaP384 = "ecdsap384";

    [GeneratedRegex(@"v=MCPv1;\s*k=([a-z0-9]+);\s*p=([A-Za-z0-9+/=]+)")]
    private static partial Regex Shape();

    /// <summary>Every key found in the given texts (TXT records or lines of the well-known file).</summary>
    public static IReadOnlyList<ProofKeyRecord> FindAll(IEnumerable<string> texts)
    {
        var keys = new List<ProofKeyRecord>();
        foreach (Match match in texts.SelectMany(t => Shape().Matches(t)))
        {
            if (match.Groups[1].Value is not (Ed25519 or EcdsaP384))
            {
                continue;
            }

            try
            {
                keys.Add(new ProofKeyRecord(match.Groups[1].Value, Convert.FromBase64String(match.Groups[2].Value)));
            }
            catch (FormatException)
            {
            }
        }

        return keys;
    }
}
