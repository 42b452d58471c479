namespace Registry.Verification.Packages;

/// <summary>
/// A full image reference: <c>host[:port]/repository[:tag]</c> or <c>host[:port]/repository@sha256:…</c>. The host is
/// required because a bare name would silently mean one public registry.
/// </summary>
public sealed record OciImageReference(string Registry, string Repository, string Reference)
{
    public static OciImageReference Parse(string identifier)
    {
        var slash = identifier.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : identifier[..slash];
        if (slash <= 0 || !(first.Contains('.') || first.Contains(':') || first == "localhost"))
        {
            throw new PackageVerificationException($"OCI identifier '{identifier}' must start with the registry host (host/repository:tag)");
        }

        var rest = identifier[(slash + 1)..];
        string repository;
        string reference;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            repository = rest[..at];
            reference = rest[(at + 1)..];
            if (!reference.StartsWith("sha256:", StringComparison.Ordinal) || reference.Length != 71)
            {
                throw new PackageVerificationException($"OCI identifier '{identifier}' has an invalid digest");
            }
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            (repository, reference) = colon > rest.LastIndexOf('/') && colon >= 0 ? (rest[..colon], rest[(colon + 1)..]) : (rest, "latest");
        }

        if (repository.Length == 0 || reference.Length == 0 || repository.Any(c => char.IsWhiteSpace(c) || char.IsUpper(c) || c is '?' or '#'))
        {
            throw new PackageVerificationException($"OCI identifier '{identifier}' is not a valid image reference");
        }

        return new OciImageReference(first.ToLowerInvariant(), repository, reference);
    }
}
