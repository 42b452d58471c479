using Google.Rpc;
using Grpc.Core;

namespace Registry.Web.Catalog;

/// <summary>
/// Why a page could not show what was asked, and the status it answers with: 400 for a request the catalog refused
/// (each field it named, worded as the page's parameter), 404 for an unknown server or version, 503 when the
/// catalog does not answer. A page never answers 500 for a catalog's failure.
/// </summary>
public sealed record CatalogProblem(int Status, string Title, IReadOnlyList<string> Details)
{
    /// <summary>Where a page leaves its problem for the page rendered in its place (see <c>NotFoundPage</c>).</summary>
    public const string ItemKey = "Registry.Web.Problem";

    public static CatalogProblem NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", [what]);

    public static CatalogProblem From(RpcException exception) => exception.StatusCode switch
    {
        StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition => new(
            StatusCodes.Status400BadRequest, "That request could not be answered", Violations(exception)),
        StatusCode.NotFound => NotFound(exception.Status.Detail),
        _ => new(StatusCodes.Status503ServiceUnavailable, "The catalog is not answering",
            ["The registry's catalog service could not be reached. Try again in a moment."]),
    };

    private static IReadOnlyList<string> Violations(RpcException exception)
    {
        var violations = exception.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations;
        return violations is null || violations.Count == 0
            ? [exception.Status.Detail]
            : [.. violations.Select(v => $"{ParameterName(v.Field)}: {v.Description}")];
    }

    /// <summary>The catalog names its REST parameters (<c>query.registryType</c>); the page's are shorter.</summary>
    private static string ParameterName(string field) => field switch
    {
        "query.registryType" => "type",
        "query.hasRemote" => "remote",
        "query.namespace" => "ns",
        _ => field.StartsWith("query.", StringComparison.Ordinal) ? field["query.".Length..] : field,
    };
}
