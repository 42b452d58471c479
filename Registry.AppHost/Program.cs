using Registry.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.Read(builder);
builder.AddStartupProblemReports();
builder.AddProcessSupervision(settings);

var database = builder.AddRegistryDatabase(settings);
var cache = builder.AddRegistryCache(settings);

var migrations = builder.AddProject<Projects.Registry_MigrationService>("migrations")
    .WithReference(database.ConnectionString)
    .WaitFor(database.Server)
    .WithEnvironment("Registry__SeedFrom", settings.SeedFrom ?? "");

var signingKey = builder.AddTokenSigningKey();
var catalog = builder.AddRegistryService<Projects.Registry_Catalog>("catalog", settings.Replicas.Catalog).Each(replica => replica
    .WithRegistryDatabase(database, migrations)
    .WithReadAccess(builder.Configuration, signingKey)
    .WithEnvironment("Registry__Version", settings.Version)
    .WithEnvironment("Registry__GitHubClientId", settings.GitHubClientId ?? ""));
var verification = builder.AddRegistryService<Projects.Registry_Verification>("verification", settings.Replicas.Verification).Each(replica => replica
    .WithRegistryDatabase(database, migrations)
    .WithTokenSigning(signingKey)
    .WithConfigurationSection(builder.Configuration, "Registry:Auth")
    .WithConfigurationSection(builder.Configuration, "Registry:Packages"));
var publish = builder.AddRegistryService<Projects.Registry_Publish>("publish", settings.Replicas.Publish).Each(replica => replica
    .WithRegistryDatabase(database, migrations)
    .WithReadAccess(builder.Configuration, signingKey)
    .WithReference(cache.ConnectionString)
    .WithReference(verification)
    .WaitFor(verification));
var mirror = builder.AddRegistryMirror(database, cache, migrations, publish);
var mcp = builder.AddRegistryMcp(catalog);
var web = builder.AddRegistryWeb(catalog, mirror);

builder.AddRegistryGateway(settings, cache, catalog, publish, verification, ServiceReplicas.One(mcp), ServiceReplicas.One(web))
    .Each(gateway => gateway.WithReadAccess(builder.Configuration, signingKey))
    .WithMirrorStatusRoute(mirror);

builder.Build().Run();
