using Registry.Bench.Load;

namespace Registry.Bench.Report;

public sealed record ScenarioResult(string Name, string Target, WrkResult Result);
