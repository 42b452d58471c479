using System.Text;
using System.Text.RegularExpressions;
using Registry.Caching;

namespace Registry.Gateway.Caching;

/// <summary>
/// A GET the response cache may answer: the server list or the ranked search (an extension), one name's versions,
/// or one version, and the web catalog's pages that show them: <c>/</c> (a search) and a server page. The key is the
/// path as routed plus the query sorted and re-encoded, so spelling differences that mean the same request share
/// an entry. The scope says which writes make the entry stale: any write for lists, writes to the name otherwise.
/// </summary>
internal sealed partial record CacheableRequest(string Normalized, string ScopeKey)
{
    public static CacheableRequest? From(HttpRequest request)
    {
        var path = request.Path.Value;
        if (path is null)
        {
            return null;
        }

        if (ListPath().IsMatch(path) || path == CatalogPage)
        {
            return new CacheableRequest(path + NormalizedQuery(request.Query), CacheKeys.ListsGeneration);
        }

        var match = NamePath().Match(path) is { Success: true } api ? api : ServerPage().Match(path);
        if (!match.Success)
        {
            return null;
        }

        // ASP.NET Core leaves %2F encoded in the path; any other escape left in the name means it would not be
        // looked up as written, so such requests are not cached rather than risk a wrong scope.
        var name = match.Groups["name"].Value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return ServerName().IsMatch(name)
            ? new CacheableRequest(path + NormalizedQuery(request.Query), CacheKeys.NameGeneration(name))
            : null;
    }

    private static string NormalizedQuery(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder();
        foreach (var (key, values) in query.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var value in values)
            {
                builder.Append(builder.Length == 0 ? '?' : '&')
                    .Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
            }
        }

        return builder.ToString();
    }

    /// <summary>The web catalog's search page: a ranked search, scoped like one.</summary>
    private const string CatalogPage = "/";

    // A search reads every name's latest version, so any write may change it, as it may change the list.
    [GeneratedRegex(@"^/v0(\.1)?/(servers|x/dev\.mcpregistry/search)$")]
    private static partial Regex ListPath();

    [GeneratedRegex(@"^/v0(\.1)?/servers/(?<name>[^/]+)/versions(/[^/]+)?$")]
    private static partial Regex NamePath();

    /// <summary>A web catalog server page, <c>/servers/{namespace}/{name}[/versions/{version}]</c> (or with the name's slash encoded).</summary>
    [GeneratedRegex(@"^/servers/(?<name>[^/]+(/|%2[fF])[^/]+?)(/versions/[^/]+)?$")]
    private static partial Regex ServerPage();

    [GeneratedRegex(@"^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$")]
    private static partial Regex ServerName();
}
