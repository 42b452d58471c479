namespace Registry.Cli.Connection;

/// <summary>A failure the command reports as its message and exit code, without a stack trace.</summary>
public sealed class CliFailure(int exitCode, string message, IReadOnlyList<string>? details = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>Further lines under the message, e.g. one per invalid field.</summary>
    public IReadOnlyList<string> Details { get; } = details ?? [];

    public static CliFailure Usage(string message) => new(ExitCodes.Usage, message);
}
