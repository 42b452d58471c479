using Registry.Data.Changes;

namespace Registry.Data.Tests;

/// <summary>A reader of the change feed as clients read it: small pages after the last sequence seen.</summary>
internal static class ChangeLogPoller
{
    /// <summary>Polls until cancelled and the log is drained, failing at the first jump; returns what it saw and how many pages had entries.</summary>
    public static async Task<(List<ChangeLogEntry> Seen, int Pages)> PollAsync(ChangeLogReader reader, CancellationToken done)
    {
        var seen = new List<ChangeLogEntry>();
        var pages = 0;
        while (true)
        {
            var stopping = done.IsCancellationRequested;
            var page = await reader.ReadAfterAsync(seen.LastOrDefault()?.Sequence ?? 0, 7, CancellationToken.None);
            foreach (var entry in page)
            {
                var expected = (seen.LastOrDefault()?.Sequence ?? 0) + 1;
                Assert.True(entry.Sequence == expected, $"after {expected - 1} the poller saw {entry.Sequence}: a change became visible before an earlier one");
                seen.Add(entry);
            }

            pages += page.Count > 0 ? 1 : 0;
            if (page.Count == 0 && stopping)
            {
                return (seen, pages);
            }
        }
    }
}
