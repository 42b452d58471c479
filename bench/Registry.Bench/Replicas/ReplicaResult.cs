namespace Registry.Bench.Replicas;

/// <summary>The replica round: the same scenarios with one and with two replicas of every service and gateway.</summary>
public sealed record ReplicaResult(int Versions, IReadOnlyDictionary<int, IReadOnlyList<ReplicaScenario>> ByReplicas)
{
    public ReplicaScenario? this[int replicas, string scenario] =>
        ByReplicas.TryGetValue(replicas, out var scenarios) ? scenarios.FirstOrDefault(s => s.Name == scenario) : null;
}
