namespace Registry.MigrationService.Tests;

/// <summary>The test classes that share the run's PostgreSQL cluster (<see cref="PostgresFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
