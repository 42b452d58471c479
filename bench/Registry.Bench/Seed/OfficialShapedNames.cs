using System.Globalization;

namespace Registry.Bench.Seed;

/// <summary>
/// Who publishes in the official catalog: mostly GitHub users (<c>io.github.&lt;user&gt;/&lt;name&gt;</c>), a few of them
/// with many servers, and companies under their reverse domain (<c>com.&lt;company&gt;/&lt;name&gt;</c>, also
/// <c>ai.</c>, <c>io.</c>, <c>dev.</c>). Names are made of the topics real servers wrap.
/// </summary>
public sealed class OfficialShapedNames(Random random)
{
    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ra", "ten", "vo", "zu", "an", "el", "do", "ri", "sa", "to", "ne", "ba", "chi", "ju", "ol", "pe", "xi"];

    private static readonly string[] CompanyEndings = ["labs", "hq", "io", "soft", "data", "cloud", "works", "ai", "tech", "systems"];
    private static readonly string[] CompanyTlds = ["com", "com", "com", "ai", "io", "dev"];
    private static readonly string[] NamePatterns = ["{0}-mcp", "mcp-server-{0}", "{0}", "{0}-server", "{0}-tools", "{0}-mcp-server", "{0}-{1}"];
    private static readonly string[] Extras = ["lite", "pro", "cli", "bridge", "proxy", "agent", "kit", "hub", "connect", "sync"];

    private readonly HashSet<string> taken = new(StringComparer.Ordinal);
    private readonly List<Publisher> users = [];
    private readonly List<Publisher> companies = [];

    /// <summary>A publisher and the owner its repositories live under (a GitHub user or organisation).</summary>
    public sealed record Publisher(string Namespace, string Owner, string Display, bool IsCompany);

    public Publisher NextPublisher()
    {
        // A quarter of the servers come from a publisher seen before, so some hold dozens of names.
        var isCompany = random.NextDouble() < 0.3;
        var pool = isCompany ? companies : users;
        if (pool.Count > 0 && random.NextDouble() < 0.25)
        {
            // The square favours the first publishers: a few prolific ones, a long tail of single servers.
            return pool[(int)(Math.Pow(random.NextDouble(), 2) * pool.Count)];
        }

        var word = Word(2 + random.Next(2));
        Publisher publisher;
        if (isCompany)
        {
            var company = word + (random.NextDouble() < 0.4 ? Pick(CompanyEndings) : "");
            publisher = new Publisher($"{Pick(CompanyTlds)}.{company}", company, Capitalise(company), true);
        }
        else
        {
            var user = random.NextDouble() < 0.5 ? word + random.Next(10, 999).ToString(CultureInfo.InvariantCulture) : word;
            publisher = new Publisher($"io.github.{user}", user, user, false);
        }

        pool.Add(publisher);
        return publisher;
    }

    /// <summary>A name not yet used under any namespace-and-name pair; the suffix keeps it unique.</summary>
    public string NextName(Publisher publisher, string topic)
    {
        var pattern = Pick(NamePatterns);
        var local = string.Format(CultureInfo.InvariantCulture, pattern, topic, Pick(Extras));
        var name = $"{publisher.Namespace}/{local}";
        for (var n = 2; !taken.Add(name); n++)
        {
            name = $"{publisher.Namespace}/{local}-{n.ToString(CultureInfo.InvariantCulture)}";
        }

        return name;
    }

    private string Word(int syllables) =>
        string.Concat(Enumerable.Range(0, syllables).Select(_ => Pick(Syllables)));

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
