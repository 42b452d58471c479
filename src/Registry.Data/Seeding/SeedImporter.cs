using Npgsql;
using Registry.Data.ServerLists;
using Registry.Data.Writes;

namespace Registry.Data.Seeding;

/// <summary>
/// Imports server versions idempotently: a (name, version) already stored is left alone, so the same seed can be
/// imported at every start. Entries with official metadata keep their status, timestamps and latest flag; plain
/// documents are stored as fresh active publications with latest decided by the versioning rules. Each version
/// imported is logged as published, with the status it was imported in. One write transaction per name.
/// </summary>
public sealed class SeedImporter(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public sealed record Result(int Inserted, int AlreadyPresent);

    public async Task<Result> ImportAsync(IReadOnlyList<ServerListEntry> entries, CancellationToken cancellationToken)
    {
        var inserted = 0;
        foreach (var group in entries.GroupBy(e => e.Name, StringComparer.Ordinal))
        {
            await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, [group.Key], [], cancellationToken);
            var changes = await SeedNameImport.ImportAsync(transaction, group.Key, group, cancellationToken);
            await transaction.CommitAsync(changes, cancellationToken);
            inserted += changes.Count;
        }

        return new Result(inserted, entries.Count - inserted);
    }
}
