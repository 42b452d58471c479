using Npgsql;
using Registry.Data.Changes;
using Registry.Data.Writes;
using Registry.Domain.Errors;

namespace Registry.Data.Annotations;

/// <summary>
/// Sets and removes operator annotations. Each write runs in one <see cref="WriteTransaction"/> holding the server
/// name's lock and appends an <c>annotated</c> change for every version whose merged annotations it changed. The
/// version rows, their <c>updatedAt</c> included, are not touched: that is the publisher's and the upstream's
/// metadata, and a mirror compares it with the upstream's.
/// </summary>
public sealed class AnnotationStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string AnnotationColumns = "server_name, version, key, value::text, updated_by, updated_at";

    /// <summary>The key's merged value on each version in scope, so a write can tell which versions it changed.</summary>
    private const string EffectiveSql =
        """
        SELECT s.version, s.status,
               (SELECT a.value::text FROM server_annotations a
                WHERE a.server_name = s.server_name AND a.version IN ('', s.version) AND a.key = @key
                ORDER BY a.version DESC LIMIT 1)
        FROM servers s WHERE s.server_name = @name AND (@version = '' OR s.version = @version)
        ORDER BY s.published_at, s.version
        """;

    private const string UpsertSql =
        $"""
        INSERT INTO server_annotations (server_name, version, key, value, updated_by, updated_at)
        VALUES (@name, @version, @key, @value, @updated_by, @now)
        ON CONFLICT (server_name, version, key) DO UPDATE
        SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
        RETURNING {AnnotationColumns}
        """;

    private const string DeleteSql = "DELETE FROM server_annotations WHERE server_name = @name AND version = @version AND key = @key";

    private sealed record Effective(string Version, string Status, string? Value);

    /// <summary>Attaches or replaces <paramref name="key"/> on one version, or on every version when <paramref name="version"/> is null.</summary>
    public async Task<StoredAnnotation> SetAsync(
        string name, string? version, string key, string valueJson, string updatedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, [name], [], cancellationToken);
        var parameters = Parameters(name, version, key);
        var before = await RequireVersionsAsync(transaction, version, parameters, cancellationToken);
        var stored = (await transaction.RowsAsync(UpsertSql, Read, cancellationToken,
            [.. parameters, ("value", new JsonText(valueJson)), ("updated_by", updatedBy), ("now", transaction.Now)])).Single();
        await CommitChangesAsync(transaction, name, before, parameters, cancellationToken);
        return stored;
    }

    /// <summary>Removes <paramref name="key"/> from one version, or from the name; the number of versions whose annotations changed.</summary>
    public async Task<int> RemoveAsync(string name, string? version, string key, CancellationToken cancellationToken)
    {
        await using var transaction = await WriteTransaction.BeginAsync(dataSource, clock, [name], [], cancellationToken);
        var parameters = Parameters(name, version, key);
        var before = await RequireVersionsAsync(transaction, version, parameters, cancellationToken);
        if (await transaction.ExecuteAsync(DeleteSql, cancellationToken, parameters) == 0)
        {
            throw RegistryErrors.AnnotationNotFound();
        }

        return await CommitChangesAsync(transaction, name, before, parameters, cancellationToken);
    }

    /// <summary>Every annotation of a name, name-level first; null when the name is unknown.</summary>
    public async Task<IReadOnlyList<StoredAnnotation>?> ListAsync(string name, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT EXISTS (SELECT 1 FROM servers WHERE server_name = @name)") { Parameters = { new("name", name) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT {AnnotationColumns} FROM server_annotations WHERE server_name = @name ORDER BY version, key") { Parameters = { new("name", name) } });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (!reader.GetBoolean(0))
        {
            return null;
        }

        await reader.NextResultAsync(cancellationToken);
        var annotations = new List<StoredAnnotation>();
        while (await reader.ReadAsync(cancellationToken))
        {
            annotations.Add(Read(reader));
        }

        return annotations;
    }

    private static (string, object?)[] Parameters(string name, string? version, string key) =>
        [("name", name), ("version", version ?? AnnotationSql.EveryVersion), ("key", key)];

    private static async Task<List<Effective>> RequireVersionsAsync(
        WriteTransaction transaction, string? version, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var versions = await transaction.RowsAsync(EffectiveSql, ReadEffective, cancellationToken, parameters);
        if (versions.Count == 0)
        {
            throw version is null ? RegistryErrors.ServerNotFound() : RegistryErrors.ServerVersionNotFound();
        }

        return versions;
    }

    private static async Task<int> CommitChangesAsync(
        WriteTransaction transaction, string name, List<Effective> before, (string, object?)[] parameters, CancellationToken cancellationToken)
    {
        var after = (await transaction.RowsAsync(EffectiveSql, ReadEffective, cancellationToken, parameters)).ToDictionary(e => e.Version, StringComparer.Ordinal);
        var changes = before.Where(b => after[b.Version].Value != b.Value)
            .Select(b => new NewServerChange(name, b.Version, ServerChangeKind.Annotated, b.Status, transaction.Now))
            .ToList();
        await transaction.CommitAsync(changes, cancellationToken);
        return changes.Count;
    }

    private static Effective ReadEffective(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));

    private static StoredAnnotation Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1) is { Length: > 0 } version ? version : null,
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetFieldValue<DateTimeOffset>(5));
}
