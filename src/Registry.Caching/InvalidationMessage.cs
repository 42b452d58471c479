namespace Registry.Caching;

/// <summary>
/// What one process tells the others on <see cref="CacheKeys.InvalidationChannel"/>: these token keys were replaced
/// (or all of them, when the epoch was), and where to acknowledge it; or a probe a process sends itself to learn that
/// its subscription delivers. Lines: version, kind, id, reply-to, then the keys. Keys never hold a line break:
/// they are built from validated server names.
/// </summary>
internal sealed record InvalidationMessage(InvalidationKind Kind, string Id, string ReplyTo, IReadOnlyList<string> Keys)
{
    private const string Version = "1";

    public string Format() => string.Join('\n', [Version, Kind.ToString(), Id, ReplyTo, .. Keys]);

    /// <summary>Null for anything else on the channel (another version, a malformed message).</summary>
    public static InvalidationMessage? Parse(string? text)
    {
        var lines = text?.Split('\n');
        if (lines is not { Length: >= 4 } || lines[0] != Version || !Enum.TryParse<InvalidationKind>(lines[1], out var kind) || !Enum.IsDefined(kind))
        {
            return null;
        }

        return new InvalidationMessage(kind, lines[2], lines[3], lines[4..]);
    }
}

internal enum InvalidationKind
{
    Keys,
    Everything,
    Probe,
}
