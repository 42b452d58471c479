using Registry.Data.Changes;

namespace Registry.Data.Tests;

internal static class ChangeLogRows
{
    /// <summary>Every entry after <paramref name="after"/>, as (sequence, name, version, kind, status).</summary>
    public static async Task<List<(long, string, string, string, string)>> ReadAsync(ChangeLogReader reader, long after = 0) =>
        (await reader.ReadAfterAsync(after, 10_000, CancellationToken.None))
            .Select(e => (e.Sequence, e.Name, e.Version, e.Kind, e.Status))
            .ToList();
}
