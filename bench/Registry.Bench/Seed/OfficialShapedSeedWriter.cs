namespace Registry.Bench.Seed;

/// <summary>
/// The official-shaped catalog as a seed file of the list-response shape the migration service imports (the same
/// shape <see cref="SeedFileWriter"/> writes): its entries as they are, upstream status and times included.
/// </summary>
public static class OfficialShapedSeedWriter
{
    public static async Task WriteAsync(OfficialShapedCatalog catalog, string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        await file.WriteAsync("{\"servers\":["u8.ToArray(), cancellationToken);
        for (var i = 0; i < catalog.Entries.Count; i++)
        {
            if (i > 0)
            {
                await file.WriteAsync(","u8.ToArray(), cancellationToken);
            }

            await file.WriteAsync(catalog.Entries[i].Json, cancellationToken);
        }

        await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"],\"metadata\":{{\"count\":{catalog.Entries.Count}}}}}"), cancellationToken);
    }
}
