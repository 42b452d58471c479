using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Domain.Validation;

namespace Registry.Bench.Seed;

/// <summary>
/// A catalog shaped like the official registry's in late 2026: 25,000 servers and about 60,000 versions, most servers
/// with one to three versions and a few with twenty or more, published over a year. Deterministic for a seed, and
/// checked with the publish service's own validator, so a generator change that produces an invalid document fails
/// the round instead of measuring something the registry would refuse: the semantic rules and the <c>$schema</c> rule
/// on every document, the JSON schema on the first document of each shape (<see cref="OfficialShapedServer.ShapeKey"/>)
/// and on every twentieth. The schema evaluation costs about half a millisecond a document here, so all 60,000 took
/// over 30 s on a loaded 2-core machine; shapes and a sample take a few seconds and still cover every structure.
/// </summary>
public sealed class OfficialShapedCatalog
{
    public const int DefaultServers = 25_000;
    public const int DefaultSeed = 20260831;
    private const int SchemaSample = 20;

    /// <summary>The first publication; the catalog fills the year after it.</summary>
    private static readonly DateTimeOffset Start = new(2025, 9, 8, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Span = TimeSpan.FromDays(357);

    private OfficialShapedCatalog(IReadOnlyList<OfficialShapedEntry> entries, int servers, int withPackages, int withRemotes, TimeSpan elapsed)
    {
        Entries = entries;
        Servers = servers;
        ServersWithPackages = withPackages;
        ServersWithRemotes = withRemotes;
        GenerationTime = elapsed;
    }

    /// <summary>Every version in the official list order: by name, then version, both compared byte by byte.</summary>
    public IReadOnlyList<OfficialShapedEntry> Entries { get; }

    public int Servers { get; }

    public int ServersWithPackages { get; }

    public int ServersWithRemotes { get; }

    public TimeSpan GenerationTime { get; }

    public int Shapes { get; private init; }

    public int SchemaChecked { get; private init; }

    public long Bytes => Entries.Sum(e => (long)e.Json.Length);

    public string Summary =>
        $"{Servers:N0} servers, {Entries.Count:N0} versions ({Entries.Count(e => e.Status == "deprecated"):N0} deprecated, "
        + $"{Entries.Count(e => e.Status == "deleted"):N0} deleted), {ServersWithPackages:N0} with packages, {ServersWithRemotes:N0} with remotes, "
        + $"most versions of one name {Entries.CountBy(e => e.Name).Max(c => c.Value)}, {Bytes / (1024.0 * 1024.0):N1} MB of list entries, "
        + $"generated and validated in {GenerationTime.TotalSeconds:0.0} s (semantic rules on all, JSON schema on {SchemaChecked:N0}: "
        + $"each of {Shapes:N0} shapes and every {SchemaSample}th)";

    /// <exception cref="InvalidOperationException">A generated document fails the validator.</exception>
    public static OfficialShapedCatalog Generate(int servers = DefaultServers, int seed = DefaultSeed)
    {
        var elapsed = Stopwatch.StartNew();
        var random = new Random(seed);
        var names = new OfficialShapedNames(random);
        var drafts = new List<(OfficialShapedServer Server, string Version, DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, string Status, bool IsLatest, bool CheckSchema)>();
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        int withPackages = 0, withRemotes = 0;
        for (var i = 0; i < servers; i++)
        {
            var server = new OfficialShapedServer(random, names);
            withPackages += server.HasPackages ? 1 : 0;
            withRemotes += server.HasRemotes ? 1 : 0;
            var count = VersionCount(random);
            var first = Start + Span * Math.Pow(random.NextDouble(), 0.7) * 0.95;
            var versions = VersionSeries(random, count);
            for (var v = 0; v < count; v++)
            {
                var publishedAt = Microseconds(first + (Start + Span - first) * ((double)v / count) + TimeSpan.FromSeconds(random.Next(3600)));
                var isLatest = v == count - 1;
                // A few old versions were deprecated or deleted later; never the latest.
                var status = isLatest ? "active" : random.NextDouble() switch { < 0.03 => "deprecated", < 0.04 => "deleted", _ => "active" };
                var updatedAt = status == "active" ? publishedAt : Microseconds(publishedAt + (Start + Span - publishedAt) * random.NextDouble());
                var checkSchema = shapes.Add(server.ShapeKey) || drafts.Count % SchemaSample == 0;
                drafts.Add((server, versions[v], publishedAt, updatedAt, status, isLatest, checkSchema));
            }
        }

        var entries = new OfficialShapedEntry[drafts.Count];
        var problems = new List<string>();
        var validator = new ServerJsonValidator();
        Parallel.For(0, drafts.Count, () => new List<string>(), (i, _, local) =>
        {
            var (server, version, publishedAt, updatedAt, status, isLatest, checkSchema) = drafts[i];
            var document = server.Document(version, publishedAt);
            var issues = checkSchema
                ? validator.ValidateAll(document)
                : [.. validator.ValidateSchemaVersion(document), .. validator.ValidateSemantics(document)];
            if (ServerJsonValidator.HasErrors(issues))
            {
                local.Add($"{server.Name}@{version}: {string.Join("; ", issues.Where(x => x.Severity == IssueSeverities.Error).Select(x => $"{x.Path}: {x.Message}"))}");
            }

            entries[i] = new OfficialShapedEntry(server.Name, version, updatedAt, status, isLatest, EntryJson(document, status, publishedAt, updatedAt, isLatest));
            return local;
        }, local =>
        {
            lock (problems)
            {
                problems.AddRange(local);
            }
        });
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"{problems.Count:N0} generated documents are not valid server.json, e.g.:\n  {string.Join("\n  ", problems.Take(5))}");
        }

        Array.Sort(entries, (a, b) =>
            string.CompareOrdinal(a.Name, b.Name) is var byName and not 0 ? byName : string.CompareOrdinal(a.Version, b.Version));
        return new OfficialShapedCatalog(entries, servers, withPackages, withRemotes, elapsed.Elapsed)
        {
            Shapes = shapes.Count,
            SchemaChecked = drafts.Count(d => d.CheckSchema),
        };
    }

    /// <summary>Mean about 2.4: more than half of the names have one version, one in a hundred 20 to 35.</summary>
    private static int VersionCount(Random random) => random.NextDouble() switch
    {
        < 0.57 => 1,
        < 0.77 => 2,
        < 0.87 => 3,
        < 0.95 => random.Next(4, 7),
        < 0.99 => random.Next(7, 20),
        _ => random.Next(20, 36),
    };

    /// <summary>Semantic versions that only go up: mostly patches, sometimes a minor, rarely a major.</summary>
    private static string[] VersionSeries(Random random, int count)
    {
        var (major, minor, patch) = random.NextDouble() < 0.5 ? (0, random.Next(1, 5), 0) : (1, random.Next(0, 3), random.Next(0, 4));
        var series = new string[count];
        for (var i = 0; i < count; i++)
        {
            series[i] = string.Create(CultureInfo.InvariantCulture, $"{major}.{minor}.{patch}");
            switch (random.NextDouble())
            {
                case < 0.7:
                    patch++;
                    break;
                case < 0.95:
                    (minor, patch) = (minor + 1, 0);
                    break;
                default:
                    (major, minor, patch) = (major + 1, 0, 0);
                    break;
            }
        }

        return series;
    }

    private static byte[] EntryJson(JsonObject document, string status, DateTimeOffset publishedAt, DateTimeOffset updatedAt, bool isLatest)
    {
        var buffer = new MemoryStream(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName("server");
            document.WriteTo(json);
            json.WriteStartObject("_meta");
            json.WriteStartObject(SeedFileWriter.OfficialKey);
            json.WriteString("status", status);
            json.WriteString("statusChangedAt", updatedAt);
            json.WriteString("publishedAt", publishedAt);
            json.WriteString("updatedAt", updatedAt);
            json.WriteBoolean("isLatest", isLatest);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static DateTimeOffset Microseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));
}
