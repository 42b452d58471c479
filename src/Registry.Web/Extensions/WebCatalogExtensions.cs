using Registry.Web.Catalog;
using Registry.Web.Components;
using Registry.Web.Components.Pages;
using Registry.Web.Security;

namespace Registry.Web.Extensions;

/// <summary>
/// The web catalog: server-rendered pages (Blazor static rendering, no interactivity and no framework script) that
/// read the catalog over gRPC, as the MCP server does, and the mirror's status over HTTP when a mirror runs. The gateway
/// forwards <c>/</c>, <c>/servers/...</c>, <c>/changes</c> and <c>/assets/...</c> here.
/// </summary>
public static class WebCatalogExtensions
{
    /// <summary>Resolved by service discovery (<c>services:catalog:http</c>); HTTP/2 without TLS.</summary>
    private const string CatalogAddress = "http://catalog";

    private const string MirrorAddress = "http://mirror";

    public static WebApplicationBuilder AddWebCatalog(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpcClient<Contracts.V0.Catalog.CatalogClient>(o => o.Address = new Uri(CatalogAddress)).ForwardCallerAuthorization();
        builder.Services.AddSingleton<CatalogReader>();
        if (builder.Configuration.GetSection("services:mirror").Exists())
        {
            builder.Services.AddHttpClient<MirrorStatusReader>(client => client.BaseAddress = new Uri(MirrorAddress));
        }

        // The AppHost runs the project from its build output, in Production: its assets (and their precompressed
        // copies, which live under obj/) are found through the build's manifest, as in Development. A published
        // app has no such manifest and serves its wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication MapWebCatalog(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseStatusCodePagesWithReExecute(NotFoundPage.Path, queryFormat: null, createScopeForStatusCodePages: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
