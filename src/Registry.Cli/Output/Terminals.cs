namespace Registry.Cli.Output;

/// <summary>Which of the two streams is a terminal; anything else (a pipe, a file, a test) gets plain text.</summary>
public readonly record struct Terminals(bool Output, bool Error)
{
    public static readonly Terminals None = new(false, false);
}
