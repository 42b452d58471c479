using Npgsql;

namespace Registry.Data.Hosting;

/// <summary>Whether the database answers a trivial query now: for readiness checks and the health route.</summary>
public sealed class DatabaseReachability(NpgsqlDataSource dataSource)
{
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (DatabaseFailures.IsUnavailable(ex) && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
