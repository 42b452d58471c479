using Spectre.Console;

namespace Registry.Cli.Output;

/// <summary>
/// Where a command writes: results to standard output, messages and progress to standard error. Spectre's
/// consoles are built over the given writers, without colour or animation unless they are a terminal.
/// </summary>
public sealed class CliConsole
{
    // Redirected output has no width; tables are not wrapped below this.
    private const int RedirectedWidth = 240;

    public CliConsole(TextWriter output, TextWriter error, Terminals terminals)
    {
        OutWriter = output;
        ErrWriter = error;
        ErrorIsTerminal = terminals.Error;
        Out = Create(output, terminals.Output);
        Err = Create(error, terminals.Error);
    }

    public TextWriter OutWriter { get; }

    public TextWriter ErrWriter { get; }

    /// <summary>Whether progress can be animated: standard error is a terminal, whatever standard output is.</summary>
    public bool ErrorIsTerminal { get; }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Err { get; }

    /// <summary>One line of plain text on standard output, flushed so that a reader of a pipe sees it at once.</summary>
    public void Line(string text)
    {
        OutWriter.WriteLine(text);
        OutWriter.Flush();
    }

    /// <summary>One line of plain text on standard error.</summary>
    public void Note(string text)
    {
        ErrWriter.WriteLine(text);
        ErrWriter.Flush();
    }

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!isTerminal)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
