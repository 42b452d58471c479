namespace Registry.Verification.Packages;

/// <summary>Matches a registry host (with its port, if any) against entries such as "oci.example" or "*.example.com".</summary>
public static class OciRegistryAllowlist
{
    public static bool Allows(IEnumerable<string> entries, string registry)
    {
        var host = registry.Split(':')[0];
        foreach (var entry in entries)
        {
            if (entry.StartsWith("*.", StringComparison.Ordinal))
            {
                if (host.EndsWith(entry[1..], StringComparison.OrdinalIgnoreCase) && host.Length > entry.Length - 1)
                {
                    return true;
                }
            }
            else if (string.Equals(entry, registry, StringComparison.OrdinalIgnoreCase)
                || (!entry.Contains(':') && string.Equals(entry, host, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
