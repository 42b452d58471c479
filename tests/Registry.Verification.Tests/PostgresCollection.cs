namespace Registry.Verification.Tests;

/// <summary>The test classes that share the run's PostgreSQL cluster (<see cref="PostgresFixture"/>), where logins are audited.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
