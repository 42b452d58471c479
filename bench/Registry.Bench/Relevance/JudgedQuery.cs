using System.Text.Json.Nodes;

namespace Registry.Bench.Relevance;

/// <summary>A query of bench/search/judged-queries.json and the names a person expects it to find, best first.</summary>
public sealed record JudgedQuery(string Q, IReadOnlyList<string> Expected)
{
    public static IReadOnlyList<JudgedQuery> Load(string file)
    {
        var queries = JsonNode.Parse(File.ReadAllText(file))?["queries"] as JsonArray
            ?? throw new FormatException($"{file} holds no \"queries\" array.");
        var judged = queries.Select(q => new JudgedQuery(
                q?["q"]?.GetValue<string>() ?? throw new FormatException($"{file} has a query without \"q\"."),
                (q["expected"] as JsonArray ?? new JsonArray()).Select(e => e?.GetValue<string>() ?? "").Where(e => e.Length > 0).ToList()))
            .ToList();
        return judged.FirstOrDefault(q => q.Expected.Count == 0) is { } empty
            ? throw new FormatException($"{file}: \"{empty.Q}\" expects nothing.")
            : judged;
    }
}
