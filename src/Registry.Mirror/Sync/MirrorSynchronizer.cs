using System.Diagnostics;
using Microsoft.Extensions.Options;
using Registry.Caching;
using Registry.Data.Mirroring;
using Registry.Mirror.Upstream;

namespace Registry.Mirror.Sync;

/// <summary>
/// One pass: every upstream version updated since the high-water mark, page by page in the upstream's
/// (name, version) order, each page imported with the position after it. A pass that fails continues from the
/// last imported page next time, with the same <c>updated_since</c>.
/// </summary>
/// <remarks>
/// The list is ordered by name, not by time, so a version updated during the pass under a name already passed is
/// not seen; its <c>updatedAt</c> is at least the upstream's clock when the pass began. The next mark is
/// therefore the newest <c>updatedAt</c> read, but never later than that clock, and the next pass asks from a
/// little before it (<see cref="MirrorOptions.Overlap"/>, plus a microsecond because <c>updated_since</c> is strict
/// and another version may carry the very instant of the mark). What is read twice is imported as a no-op.
/// </remarks>
public sealed class MirrorSynchronizer(
    UpstreamRegistryClient upstream,
    MirrorImporter importer,
    MirrorStateStore states,
    MirrorFilter filter,
    CacheGenerations cache,
    MirrorAudit audit,
    IOptions<MirrorOptions> options,
    ILogger<MirrorSynchronizer> logger)
{
    private const string FirstPage = "(start)";
    private static readonly TimeSpan OneMicrosecond = TimeSpan.FromTicks(10);

    public async Task<MirrorPassSummary> RunPassAsync(Action? pageImported, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var state = await states.ReadAsync(settings.UpstreamBase, cancellationToken);
        var mark = state.Position.HighWaterMark;
        var pass = state.Position.Pass;
        var since = pass?.Since ?? (mark is { } m ? m - settings.Overlap - OneMicrosecond : DateTimeOffset.UnixEpoch);
        var cursor = pass?.Cursor;
        var startedAt = pass?.StartedAt;
        var maxUpdatedAt = pass?.MaxUpdatedAt;
        int pages = 0, read = 0, written = 0, rejected = 0;

        while (true)
        {
            using var activity = MirrorActivitySource.Instance.StartActivity("mirror page");
            activity?.SetTag("registry.mirror.page", pages + 1).SetTag("registry.mirror.cursor", cursor);
            var started = Stopwatch.GetTimestamp();
            UpstreamPage page;
            MirrorImporter.Result result;
            IReadOnlyList<MirroredVersion> admitted;
            bool last;
            try
            {
                page = await upstream.GetPageAsync(since, cursor, cancellationToken);
                startedAt ??= page.UpstreamTime;
                maxUpdatedAt = Latest(maxUpdatedAt, page.Versions.Select(v => v.UpdatedAt));
                foreach (var reason in page.Rejected)
                {
                    logger.LogWarning("Upstream entry skipped: {Reason}", reason);
                }

                last = page.NextCursor is null || page.NextCursor == cursor || page.Versions.Count + page.Rejected.Count == 0;
                var position = last
                    ? new MirrorPosition(NextMark(mark, startedAt.Value, maxUpdatedAt), null)
                    : new MirrorPosition(mark, new MirrorPass(since, page.NextCursor!, startedAt.Value, maxUpdatedAt));
                admitted = filter.Apply(page.Versions);
                result = await importer.ImportPageAsync(settings.UpstreamBase, admitted, position, last, cancellationToken);
                if (result.Written.Count > 0)
                {
                    await cache.InvalidateAsync(result.ChangedNames);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                logger.LogWarning("Mirror page {Page} after cursor {Cursor} failed in {ElapsedMs} ms: {Reason}",
                    pages + 1, cursor ?? FirstPage, MirrorActivitySource.ElapsedMs(started), ex.Message);
                await audit.FailedAsync(settings.UpstreamBase, ex);
                throw;
            }

            await audit.ImportedAsync(settings.UpstreamBase, admitted.Count, result.Written.Count);
            var filteredOut = page.Versions.Count - admitted.Count;
            activity?.SetTag("registry.mirror.written", result.Written.Count).SetTag("registry.mirror.rejected", page.Rejected.Count);
            logger.LogInformation(
                "Mirror page {Page} after cursor {Cursor}: {Entries} entries, {Written} written, {FilteredOut} filtered out, {Rejected} rejected, in {ElapsedMs} ms",
                pages + 1, cursor ?? FirstPage, page.Versions.Count + page.Rejected.Count, result.Written.Count, filteredOut, page.Rejected.Count,
                MirrorActivitySource.ElapsedMs(started));
            pages++;
            read += page.Versions.Count;
            written += result.Written.Count;
            rejected += page.Rejected.Count;
            pageImported?.Invoke();
            if (last)
            {
                return new MirrorPassSummary(pages, read, written, rejected);
            }

            cursor = page.NextCursor;
        }
    }

    private static DateTimeOffset? NextMark(DateTimeOffset? mark, DateTimeOffset startedAt, DateTimeOffset? maxUpdatedAt)
    {
        if (maxUpdatedAt is not { } newest)
        {
            return mark;
        }

        var candidate = newest < startedAt ? newest : startedAt;
        return mark is { } current && current > candidate ? current : candidate;
    }

    private static DateTimeOffset? Latest(DateTimeOffset? current, IEnumerable<DateTimeOffset> times)
    {
        foreach (var time in times)
        {
            if (current is null || time > current)
            {
                current = time;
            }
        }

        return current;
    }
}
