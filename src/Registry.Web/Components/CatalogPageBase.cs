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

    /// <summary>
    /// Shows <paramref name="problem"/> instead of the page. A 404 is rendered by <c>NotFoundPage</c>: static rendering
    /// stops at a 404 and leaves the body to the status-code re-execution, which finds the problem in the request's items.
    /// </summary>
    protected void Fail(CatalogProblem problem)
    {
        Problem = problem;
        if (HttpContext is { Response.HasStarted: false } context)
        {
            context.Items[CatalogProblem.ItemKey] = problem;
            context.Response.StatusCode = problem.Status;
        }
    }
}
