using Microsoft.Extensions.Options;
using Registry.Data.Mirroring;

namespace Registry.Mirror.Sync;

/// <summary>
/// Which upstream versions the mirror keeps. Names outside the prefixes are never read into the catalog. A status
/// outside <see cref="MirrorOptions.Statuses"/> keeps a version out, but a copy already taken keeps following
/// upstream, so the mirror never goes on showing a status upstream has withdrawn.
/// </summary>
public sealed class MirrorFilter(IOptions<MirrorOptions> options)
{
    private readonly MirrorOptions settings = options.Value;

    public bool IncludesName(string name) =>
        (settings.IncludePrefixes.Length == 0 || settings.IncludePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
        && !settings.ExcludePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));

    public bool AdmitsStatus(string status) => settings.Statuses.Length == 0 || settings.Statuses.Contains(status, StringComparer.Ordinal);

    public IReadOnlyList<MirroredVersion> Apply(IEnumerable<MirroredVersion> versions) =>
        versions.Where(v => IncludesName(v.Name)).Select(v => v with { AdmitNew = AdmitsStatus(v.Status) }).ToList();
}
