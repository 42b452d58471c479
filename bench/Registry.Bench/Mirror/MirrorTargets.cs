namespace Registry.Bench.Mirror;

/// <summary>Issue 19's mirror goals, printed in the targets list: a whole catalog stored, a first pass under a minute, an idle pass under two seconds.</summary>
public static class MirrorTargets
{
    public static IEnumerable<(bool Met, string Target, string Measured)> Lines(MirrorRoundResult round)
    {
        var complete = round.StoredVersions == round.UpstreamVersions;
        var stored = complete ? "" : $", but only {round.StoredVersions:N0} of {round.UpstreamVersions:N0} versions stored";
        yield return (round.FirstPass.Duration.TotalSeconds < 60 && complete,
            $"mirror first full pass of {round.UpstreamVersions:N0} versions < 60 s", $"{round.FirstPass.Duration.TotalSeconds:0.00} s, {round.FirstPass.Requests:N0} requests{stored}");
        var idle = round.SecondPass.Written is null or 0 ? "" : $", but it wrote {round.SecondPass.Written:N0} versions";
        yield return (round.SecondPass.Duration.TotalSeconds < 2 && round.SecondPass.Written is null or 0,
            "mirror pass with nothing new < 2 s", $"{round.SecondPass.Duration.TotalSeconds:0.00} s, {round.SecondPass.Requests:N0} requests{idle}");
    }
}
