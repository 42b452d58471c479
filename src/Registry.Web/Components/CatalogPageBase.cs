using Grpc.Core;
using Microsoft.AspNetCore.Components;
using Registry.Web.Catalog;

namespace Registry.Web.Components;

/// <summary>
/// A page that reads the catalog: each read goes through <see cref="LoadAsync{T}"/>, which turns a catalog failure into
/// the page's <see cref="Problem"/> and its status code (400, 404, 503), so no page answers 500 for it.
/// </summary>
public abstract class CatalogPageBase : ComponentBase
{
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    [Inject]
    public CatalogReader Catalog { get; set; } = null!;

    protected CatalogProblem? Problem { get; private set; }

    protected CancellationToken Aborted => HttpContext?.RequestAborted ?? CancellationToken.None;

    protected async Task<T?> LoadAsync<T>(Func<CancellationToken, Task<T?>> load) where T : class
    {
        try
        {
            return await load(Aborted);
        }
        catch (RpcException e)
        {
            Fail(CatalogProblem.From(e));
            return null;
        }
    }

    protected void Fail(CatalogProblem problem)
    {
        Problem = problem;
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Response.StatusCode = problem.Status;
        }
    }
}
