using System.Runtime.CompilerServices;
using Registry.Data.Changes;

namespace Registry.Catalog.Changes;

/// <summary>
/// Follows the change log for one watcher. The database is the only source of entries: a signal from the
/// listener just means "read again after the last one sent", so replay and live following are one loop, with
/// no gap and no duplicate between them.
/// </summary>
public sealed class ChangeFeed(ChangeLogReader reader, ChangeBroadcast broadcast)
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<ChangeLogEntry> FollowAsync(long after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            // Read before waiting, and wait beyond what was announced before reading, so no signal can be missed
            // and an announcement the read already covered does not cause another read.
            var announced = broadcast.Latest;
            IReadOnlyList<ChangeLogEntry> page;
            do
            {
                page = await reader.ReadAfterAsync(after, PageSize, cancellationToken);
                foreach (var entry in page)
                {
                    yield return entry;
                    after = entry.Sequence;
                }
            }
            while (page.Count == PageSize);

            await broadcast.WaitBeyondAsync(Math.Max(after, announced), cancellationToken);
        }
    }
}
