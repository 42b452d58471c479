using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL as a local process (the default: no container runtime needed), or as a container when
/// <c>Registry:UseContainers</c> is true. Either way clients get the <c>registrydb</c> connection string.
/// </summary>
public static class DatabaseResources
{
    public const string ConnectionName = "registrydb";

    /// <summary>
    /// For the processes that use PostgreSQL, and only those: the connection string, and a start once the
    /// migrations have completed.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithRegistryDatabase(
        this IResourceBuilder<ProjectResource> project,
        InfrastructureResources database,
        IResourceBuilder<ProjectResource> migrations) =>
        project.WithReference(database.ConnectionString).WaitForCompletion(migrations);

    public static InfrastructureResources AddRegistryDatabase(this IDistributedApplicationBuilder builder, AppHostSettings settings)
    {
        if (settings.UseContainers)
        {
            var container = builder.AddPostgres("postgres").WithDataVolume();
            return new InfrastructureResources(container, container.AddDatabase(ConnectionName));
        }

        var dataDirectory = PostgresDataDirectory.Resolve(settings.DataDirectory, builder.AppHostDirectory);
        builder.Eventing.Subscribe<BeforeStartEvent>((started, _) =>
        {
            var logger = started.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseResources));
            logger.LogInformation("PostgreSQL data directory: {DataDirectory}", dataDirectory.Path);
            if (dataDirectory.Note is { } note)
            {
                logger.LogWarning("PostgreSQL data directory moved: {Reason}", note);
            }

            return Task.CompletedTask;
        });
        var init = builder.AddExecutable("postgres-init", "sh", builder.AppHostDirectory, "-c", LocalPostgres.InitScript(dataDirectory.Path))
            .ExcludeFromManifest();
        // Its own port, not the orchestrator's proxy: while the server is down, clients are refused at once instead of
        // held, and a server started again binds the same port.
        var server = LocalPostgres.AddServer(builder, "postgres", dataDirectory.Path)
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT", isProxied: false)
            .WaitForCompletion(init)
            .WithRestartOnExit()
            .ExcludeFromManifest();

        var endpoint = server.GetEndpoint("tcp");
        var connectionString = builder.AddConnectionString(ConnectionName, ReferenceExpression.Create(
            $"Host={endpoint.Property(EndpointProperty.Host)};Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Database=postgres"));
        server.WithReadinessCheck(builder, "postgres-ready", ct => ReadinessProbes.PostgresAsync(connectionString.Resource, ct));
        return new InfrastructureResources(server, connectionString);
    }
}
