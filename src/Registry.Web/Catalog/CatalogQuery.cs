using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Registry.Contracts.V0;

namespace Registry.Web.Catalog;

/// <summary>
/// What the catalog page shows, as its query string holds it: <c>q</c>, the filters <c>type</c>, <c>transport</c>,
/// <c>remote</c> (yes/no), <c>status</c> and <c>ns</c>, and the page (<c>cursor</c>, <c>limit</c>). Values are passed to
/// the catalog's ranked search as given, which refuses what it does not accept, so the page and the REST route
/// <c>/v0.1/x/dev.mcpregistry/search</c> cannot disagree on a rule.
/// </summary>
public sealed record CatalogQuery(
    string? Q,
    string? Type,
    string? Transport,
    string? Remote,
    string? Status,
    string? Namespace,
    string? Cursor,
    string? Limit)
{
    public const int DefaultLimit = 24;

    public bool IsFiltered => Type is { Length: > 0 } || Transport is { Length: > 0 } || Remote is { Length: > 0 }
        || Status is { Length: > 0 } || Namespace is { Length: > 0 };

    /// <summary>The ranked-search request; a malformed <c>limit</c> or <c>remote</c> is left for the catalog to refuse.</summary>
    public SearchServersRequest ToRequest()
    {
        var request = new SearchServersRequest { Q = Q ?? "" };
        if (Type is { Length: > 0 }) request.RegistryType = Type;
        if (Transport is { Length: > 0 }) request.Transport = Transport;
        if (Status is { Length: > 0 }) request.Status = Status;
        if (Namespace is { Length: > 0 }) request.Namespace = Namespace;
        if (Cursor is { Length: > 0 }) request.Cursor = Cursor;
        request.Limit = Limit is { Length: > 0 } ? int.TryParse(Limit, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) ? limit : 0 : DefaultLimit;
        switch (Remote)
        {
            case "yes": request.HasRemote = true; break;
            case "no": request.HasRemote = false; break;
        }

        return request;
    }

    /// <summary>A <c>remote</c> value other than yes, no or nothing: the catalog has no word for it, so the page refuses it.</summary>
    public bool HasUnknownRemote => Remote is { Length: > 0 } and not ("yes" or "no");

    /// <summary>This query's page of the catalog, as a link: empty values are left out.</summary>
    public string Link(string? cursor = null) => QueryHelpers.AddQueryString("/", Pairs(cursor));

    private IEnumerable<KeyValuePair<string, string?>> Pairs(string? cursor)
    {
        (string Key, string? Value)[] all =
        [
            ("q", Q), ("type", Type), ("transport", Transport), ("remote", Remote), ("status", Status), ("ns", Namespace),
            ("limit", Limit), ("cursor", cursor),
        ];
        return all.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => KeyValuePair.Create(p.Key, p.Value));
    }
}
