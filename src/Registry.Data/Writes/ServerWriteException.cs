namespace Registry.Data.Writes;

/// <summary>A write the registry's rules refuse (duplicate version, remote URL taken, ...); the message says why.</summary>
public sealed class ServerWriteException(string message, bool noChanges = false) : Exception(message)
{
    /// <summary>The write would leave every row as it is, which the API reports differently from a refusal.</summary>
    public bool NoChanges { get; } = noChanges;

    public static ServerWriteException NothingToChange(string status) =>
        new($"No changes to apply: status is already {status}", noChanges: true);
}
