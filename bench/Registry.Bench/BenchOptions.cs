using System.Globalization;

namespace Registry.Bench;

/// <summary>
/// <c>--sizes 1000,10000,100000</c> (versions seeded per round), <c>--duration 10</c> (seconds per scenario),
/// <c>--root</c> (the repository, found from the bench's own folder when absent), <c>--serve</c> (start and seed
/// the first size, print the addresses and wait for Ctrl-C instead of measuring: for curl, psql and profilers).
/// <c>--stress 1000000</c> (versions of the stress round, 0 skips it), <c>--replica-versions 10000</c> (the catalog of
/// the replica round, 0 skips it), <c>--only stress,replicas</c> or <c>--only official,mirror</c> (run only the named rounds, from
/// <see cref="RoundNames"/>).
/// </summary>
public sealed record BenchOptions(IReadOnlyList<int> Sizes, int DurationSeconds, string Root, string Configuration, bool Serve)
{
    public const int Threads = 2;
    public const int Connections = 64;

    /// <summary>
    /// Few connections leave the background JIT some CPU, so more code reaches its optimised tier during the warm-up
    /// than under full load.
    /// </summary>
    public const int WarmupConnections = 4;

    /// <summary>
    /// Each size starts fresh processes, and the first scenario that reaches the catalog met it half-compiled after
    /// 5 s (a third of its steady rate at 1k versions), so a full-length run warms up as long as it measures.
    /// </summary>
    public int WarmupSeconds => Math.Clamp(DurationSeconds, 2, 10);

    public static readonly IReadOnlyList<string> RoundNames = ["sizes", "relevance", "stress", "replicas", "official", "mirror"];

    public int StressVersions { get; init; } = 1_000_000;

    public int ReplicaVersions { get; init; } = 10_000;

    /// <summary>The rounds to run; every one when <c>--only</c> is absent.</summary>
    public IReadOnlySet<string> Rounds { get; init; } = RoundNames.ToHashSet();

    public bool Runs(string round) => Rounds.Contains(round);

    public static BenchOptions Parse(string[] args)
    {
        var sizes = new List<int> { 1_000, 10_000, 100_000 };
        var duration = 10;
        string? root = null;
        var configuration = "Release";
        var serve = false;
        var (stress, replicaVersions, rounds) = (1_000_000, 10_000, RoundNames.ToHashSet());
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--serve")
            {
                serve = true;
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--sizes":
                    sizes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
                    break;
                case "--duration":
                    duration = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--root":
                    root = value;
                    break;
                case "--configuration":
                    configuration = value;
                    break;
                case "--stress":
                    stress = int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    break;
                case "--replica-versions":
                    replicaVersions = int.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    rounds = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
                    if (rounds.Except(RoundNames).FirstOrDefault() is { } unknown)
                    {
                        throw new ArgumentException($"Unknown round {unknown}; --only takes {string.Join(",", RoundNames)}");
                    }

                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}; use --sizes 1000,10000,100000 --duration 10");
            }

            i++;
        }

        if (sizes.Count == 0 || sizes.Any(s => s < 10) || duration < 1)
        {
            throw new ArgumentException("Sizes must be at least 10 versions and the duration at least 1 second.");
        }

        if (stress is > 0 and < 10 || replicaVersions is > 0 and < 10)
        {
            throw new ArgumentException("The stress and replica rounds need at least 10 versions (0 skips them).");
        }

        return new BenchOptions(sizes, duration, Path.GetFullPath(root ?? FindRoot()), configuration, serve)
        {
            StressVersions = stress,
            ReplicaVersions = replicaVersions,
            Rounds = rounds,
        };
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Registry.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Registry.sln was not found above the bench; pass --root <repository>.");
    }
}
