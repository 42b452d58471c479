using System.CommandLine;
using Registry.Cli.Commands;
using Registry.Cli.Output;

namespace Registry.Cli;

/// <summary>The whole CLI as a function of its arguments, writers and environment, so that tests run it in-process.</summary>
public static class CliApplication
{
    /// <summary>The command the packaged tool installs (ToolCommandName).</summary>
    public const string ToolName = "registry";

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?> environment,
        Terminals terminals = default, CancellationToken cancellationToken = default)
    {
        var console = new CliConsole(output, error, terminals);
        var root = BuildRoot(new CommandRunner(new GlobalOptions(), console, environment));
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                console.Note($"error: {parseError.Message}");
            }

            console.Note($"Run '{string.Join(' ', [ToolName, .. CommandPath(parse)])} --help' for usage.");
            return ExitCodes.Usage;
        }

        // Ctrl+C is handled by Program, which cancels the token; help and version go to the given writers.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    public static RootCommand BuildRoot(CommandRunner runner)
    {
        var root = new RootCommand("Command-line client of the MCP registry's gRPC services.");
        runner.Globals.AddTo(root);
        root.Subcommands.Add(ServersCommands.Create(runner));
        root.Subcommands.Add(PublishCommand.Create(runner));
        root.Subcommands.Add(LoginCommand.Create(runner));
        root.Subcommands.Add(ValidateCommand.Create(runner));
        root.Subcommands.Add(StatusCommand.Create(runner));
        root.Subcommands.Add(WatchCommand.Create(runner));
        root.Subcommands.Add(AnnotateCommands.Create(runner));
        root.Subcommands.Add(AuditCommands.Create(runner));
        root.Subcommands.Add(MirrorCommands.Create(runner));
        return root;
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Push(result.Command.Name);
        }

        return names;
    }
}
