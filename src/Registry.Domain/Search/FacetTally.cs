namespace Registry.Domain.Search;

/// <summary>The query's filters as facet codes (<see cref="FacetCodes"/>); a null filter passes everything.</summary>
internal readonly struct QueryFilter(SearchIndex index, SearchQuery query)
{
    private readonly int? registryType = query.RegistryType is null ? null : index.RegistryTypeCodes.Find(query.RegistryType);
    private readonly int? transport = query.Transport is null ? null : index.TransportCodes.Find(query.Transport);
    private readonly bool? hasRemote = query.HasRemote;
    private readonly int status = index.StatusCodes.Find(query.Status);

    public FilterResult Test(DocumentFacts facts) => new(
        Type: registryType is not { } type || Array.IndexOf(facts.RegistryTypes, type) >= 0,
        Transport: transport is not { } kind || Array.IndexOf(facts.Transports, kind) >= 0,
        Remote: hasRemote is not { } remote || facts.HasRemote == remote,
        Status: facts.Status == status);
}

/// <summary>Which of the query's filters a matching document passes.</summary>
internal readonly record struct FilterResult(bool Type, bool Transport, bool Remote, bool Status)
{
    public bool All => Type && Transport && Remote && Status;
}

/// <summary>Facet counts of a search: each facet counts the documents that pass every filter but its own.</summary>
internal sealed class FacetTally(SearchIndex index)
{
    private readonly int[] registryType = new int[index.RegistryTypeCodes.Count];
    private readonly int[] transport = new int[index.TransportCodes.Count];
    private readonly int[] status = new int[index.StatusCodes.Count];
    private int withRemote;
    private int withoutRemote;
    private int total;

    public void Count(DocumentFacts facts, FilterResult filters)
    {
        if (filters.Transport && filters.Remote && filters.Status)
        {
            foreach (var code in facts.RegistryTypes)
            {
                registryType[code]++;
            }
        }

        if (filters.Type && filters.Remote && filters.Status)
        {
            foreach (var code in facts.Transports)
            {
                transport[code]++;
            }
        }

        if (filters.Type && filters.Transport && filters.Status)
        {
            _ = facts.HasRemote ? withRemote++ : withoutRemote++;
        }

        if (filters.Type && filters.Transport && filters.Remote)
        {
            status[facts.Status]++;
        }

        if (filters.All)
        {
            total++;
        }
    }

    public SearchFacetCounts ToCounts()
    {
        var remote = new Dictionary<string, int>(StringComparer.Ordinal);
        if (withRemote > 0)
        {
            remote["true"] = withRemote;
        }

        if (withoutRemote > 0)
        {
            remote["false"] = withoutRemote;
        }

        return new SearchFacetCounts(
            Named(registryType, index.RegistryTypeCodes), Named(transport, index.TransportCodes), remote, Named(status, index.StatusCodes), total);
    }

    private static Dictionary<string, int> Named(int[] counts, FacetCodes codes)
    {
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var code = 0; code < counts.Length; code++)
        {
            if (counts[code] > 0)
            {
                named[codes.ValueOf(code)] = counts[code];
            }
        }

        return named;
    }
}
