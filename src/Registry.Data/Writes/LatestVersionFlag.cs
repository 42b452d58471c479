using Registry.Data.Servers;
using Registry.Domain.Versions;

namespace Registry.Data.Writes;

/// <summary>
/// Puts "latest" of a name on the version <see cref="ServerVersionOrdering.ChooseLatest"/> picks, inside a writer's
/// <see cref="WriteTransaction"/>. The version that takes the flag gets a new <c>updated_at</c>, so that readers following
/// <c>updated_since</c> (mirrors) see it; the one that gives it up is left as it is, as on publish.
/// </summary>
internal static class LatestVersionFlag
{
    /// <summary>Where the flag went; null when it stayed where it was.</summary>
    public static async Task<Move?> RecalculateAsync(WriteTransaction transaction, string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var versions = await transaction.RowsAsync(
            "SELECT version, published_at, status, is_latest FROM servers WHERE server_name = @name",
            row => (Candidate: new VersionCandidate(row.GetString(0), row.GetFieldValue<DateTimeOffset>(1), row.GetString(2)), IsLatest: row.GetBoolean(3)),
            cancellationToken, ("name", name));
        var chosen = ServerVersionOrdering.ChooseLatest(versions.Select(v => v.Candidate).ToList());
        var previous = versions.Where(v => v.IsLatest).Select(v => v.Candidate.Version).SingleOrDefault();
        if (chosen is null || chosen.Version == previous)
        {
            return null;
        }

        // Cleared first: the one-latest-per-name index is checked row by row, so one UPDATE moving the flag would fail.
        await transaction.ExecuteAsync("UPDATE servers SET is_latest = FALSE WHERE server_name = @name AND is_latest", cancellationToken, ("name", name));
        var taken = await transaction.RecordsAsync(
            $"UPDATE servers SET is_latest = TRUE, updated_at = @now WHERE server_name = @name AND version = @version RETURNING {ServerRecordReader.Columns}",
            cancellationToken, ("name", name), ("version", chosen.Version), ("now", now));
        return new Move(previous, taken.Single());
    }

    public sealed record Move(string? PreviousVersion, ServerVersionRecord Taken)
    {
        /// <summary>A row read before the move, with the flag as the move left it.</summary>
        public ServerVersionRecord Apply(ServerVersionRecord record) =>
            record.Version == Taken.Version ? Taken
            : record.Version == PreviousVersion ? record with { IsLatest = false }
            : record;
    }
}
