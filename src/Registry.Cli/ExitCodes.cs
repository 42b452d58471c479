namespace Registry.Cli;

/// <summary>What the process exit status means; scripts branch on these.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>
    /// The registry answered and refused: not found, invalid document, conflict, or validate found errors (also an
    /// unexpected failure of the CLI itself).
    /// </summary>
    public const int Refused = 1;

    /// <summary>The command line is wrong: an unknown option, a missing address, an unreadable file or key.</summary>
    public const int Usage = 2;

    /// <summary>The service could not be reached, timed out, or said it is not ready.</summary>
    public const int Unreachable = 3;

    /// <summary>The token is missing, invalid or expired, or does not grant the permission.</summary>
    public const int NotAuthorized = 4;

    /// <summary>Interrupted (Ctrl+C) before the command finished.</summary>
    public const int Interrupted = 130;
}
