namespace Registry.Domain.Search;

/// <summary>
/// The ranked-search index of one process: the latest version of every name as a <see cref="SearchDocument"/>, an
/// inverted list from each word to the names holding it and the fields it is in, and the vocabulary for prefixes and
/// typos. It is derived state: <see cref="Position"/> is the change-log sequence it reflects, and whoever feeds it
/// (the catalog's search store) replaces the documents of every name a later change names. Searches run in parallel;
/// an update waits for them and is short, since it touches only the changed names.
/// </summary>
public sealed class SearchIndex
{
    private readonly ReaderWriterLockSlim gate = new();
    private readonly Dictionary<string, int> idsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> idsByLowerName = new(StringComparer.Ordinal);
    private readonly NameOrder nameOrder = new();
    private readonly List<SearchDocument?> documents = [];
    private readonly List<DocumentFacts> facts = [];
    private readonly Stack<int> freeIds = new();
    private readonly Dictionary<string, List<SearchPosting>> postings = new(StringComparer.Ordinal);
    private WordVocabulary vocabulary = new();
    private long position = -1;

    /// <summary>The last change-log sequence applied; -1 until the index is first loaded.</summary>
    public long Position
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                return position;
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
    }

    /// <summary>Replaces everything with <paramref name="latest"/>, the latest version of every name as of <paramref name="sequence"/>.</summary>
    public void Load(IEnumerable<SearchDocument> latest, long sequence) => Write(() =>
    {
        idsByName.Clear();
        idsByLowerName.Clear();
        documents.Clear();
        facts.Clear();
        freeIds.Clear();
        postings.Clear();
        vocabulary = new WordVocabulary();
        foreach (var document in latest)
        {
            Put(document, ordered: false);
        }

        nameOrder.Load(idsByName.Select(n => (n.Key, n.Value)));
        position = sequence;
    });

    /// <summary>
    /// Brings the <paramref name="changed"/> names up to <paramref name="sequence"/>: each takes its document from
    /// <paramref name="latest"/>, and a name without one there leaves the index.
    /// </summary>
    public void Apply(IEnumerable<string> changed, IReadOnlyCollection<SearchDocument> latest, long sequence) => Write(() =>
    {
        foreach (var name in changed)
        {
            Drop(name);
        }

        foreach (var document in latest)
        {
            Drop(document.Name);
            Put(document, ordered: true);
        }

        position = Math.Max(position, sequence);
    });

    public SearchIndexPage Search(SearchQuery query)
    {
        gate.EnterReadLock();
        try
        {
            return SearchEvaluation.Run(this, query, position);
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    internal WordVocabulary Vocabulary => vocabulary;

    internal FacetCodes RegistryTypeCodes { get; } = new();

    internal FacetCodes TransportCodes { get; } = new();

    internal FacetCodes StatusCodes { get; } = new();

    /// <summary>One more than the highest document id in use: the size of a per-document array.</summary>
    internal int Capacity => documents.Count;

    internal SearchDocument Document(int id) => documents[id]!;

    /// <summary>Whether <paramref name="id"/> is a document's now (freed ids wait in a stack for reuse).</summary>
    internal bool Holds(int id) => documents[id] is not null;

    internal DocumentFacts Facts(int id) => facts[id];

    /// <summary>A number per document that sorts as the names do (<see cref="NameOrder"/>).</summary>
    internal long NameRank(int id) => nameOrder.RankOf(id);

    /// <summary>A number that documents named after <paramref name="name"/> exceed and no others do.</summary>
    internal long NameRankAtOrBefore(string name) => nameOrder.RankAtOrBefore(name);

    /// <summary>The documents whose whole name, lower-cased, is <paramref name="lowerName"/>.</summary>
    internal IReadOnlyList<int> IdsNamed(string lowerName) => idsByLowerName.TryGetValue(lowerName, out var ids) ? ids : [];

    internal bool HasWord(string word) => postings.ContainsKey(word);

    internal IReadOnlyList<SearchPosting> PostingsOf(string word) => postings.TryGetValue(word, out var list) ? list : [];

    private void Put(SearchDocument document, bool ordered)
    {
        var id = freeIds.Count > 0 ? freeIds.Pop() : documents.Count;
        var documentFacts = new DocumentFacts(
            document.RegistryTypes.Select(RegistryTypeCodes.CodeOf).ToArray(),
            document.Transports.Select(TransportCodes.CodeOf).ToArray(),
            StatusCodes.CodeOf(document.Status),
            document.HasRemote);
        if (id == documents.Count)
        {
            documents.Add(document);
            facts.Add(documentFacts);
        }
        else
        {
            documents[id] = document;
            facts[id] = documentFacts;
        }

        idsByName[document.Name] = id;
        if (!idsByLowerName.TryGetValue(document.NameLower, out var sameName))
        {
            idsByLowerName[document.NameLower] = sameName = [];
        }

        sameName.Add(id);
        if (ordered)
        {
            nameOrder.Add(document.Name, id);
        }

        foreach (var (word, fields) in document.WordFields())
        {
            if (!postings.TryGetValue(word, out var list))
            {
                postings[word] = list = [];
                vocabulary.Add(word);
            }

            list.Add(new SearchPosting(id, fields));
        }
    }

    private void Drop(string name)
    {
        if (!idsByName.Remove(name, out var id))
        {
            return;
        }

        foreach (var (word, _) in documents[id]!.WordFields())
        {
            var list = postings[word];
            var at = list.FindIndex(p => p.Id == id);
            list[at] = list[^1];
            list.RemoveAt(list.Count - 1);
            if (list.Count == 0)
            {
                postings.Remove(word);
                vocabulary.Remove(word);
            }
        }

        var document = documents[id]!;
        if (idsByLowerName.TryGetValue(document.NameLower, out var sameName) && sameName.Remove(id) && sameName.Count == 0)
        {
            idsByLowerName.Remove(document.NameLower);
        }

        nameOrder.Remove(name);
        documents[id] = null;
        freeIds.Push(id);
    }

    private void Write(Action change)
    {
        gate.EnterWriteLock();
        try
        {
            change();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }
}

/// <summary>One name holding a word, and the fields it holds it in.</summary>
internal readonly record struct SearchPosting(int Id, SearchFields Fields);
