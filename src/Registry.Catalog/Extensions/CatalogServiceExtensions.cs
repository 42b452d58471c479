using Registry.Catalog.Changes;
using Registry.Data.Changes;
using Registry.Data.Hosting;
using Registry.Data.Search;
using Registry.Data.Servers;
using Registry.ServiceHosting;

namespace Registry.Catalog.Extensions;

public static class CatalogServiceExtensions
{
    public static IHostApplicationBuilder AddCatalogServices(this IHostApplicationBuilder builder)
    {
        builder.AddRegistryGrpc();
        builder.AddRegistryDatabase();
        builder.Services.AddSingleton<ServerReadStore>();
        builder.Services.AddSingleton<ServerSearchStore>();
        builder.Services.AddSingleton<ChangeLogReader>();
        builder.Services.AddSingleton<ChangeBroadcast>();
        builder.Services.AddSingleton<ChangeFeed>();
        builder.Services.AddHostedService<ChangeListener>();
        builder.Services.AddHostedService<SearchIndexRefresher>();
        builder.AddBoundOptions<RegistryInfoOptions>();
        CallerViews.AddTo(builder);
        return builder;
    }
}
