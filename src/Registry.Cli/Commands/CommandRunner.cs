using System.CommandLine;
using Grpc.Core;
using Registry.Cli.Connection;
using Registry.Cli.Output;

namespace Registry.Cli.Commands;

/// <summary>Runs a command's handler and turns every failure into a one-line message and an exit code.</summary>
public sealed class CommandRunner(GlobalOptions globals, CliConsole console, IReadOnlyDictionary<string, string?> environment)
{
    public GlobalOptions Globals { get; } = globals;

    public void Bind(Command command, Func<Invocation, Task<int>> handler) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, handler, cancellationToken));

    public async Task<int> RunAsync(ParseResult parse, Func<Invocation, Task<int>> handler, CancellationToken cancellationToken)
    {
        using var channels = new ServiceChannels();
        var invocation = new Invocation(parse, Globals, console, environment, channels, cancellationToken);
        try
        {
            return await handler(invocation);
        }
        catch (CliFailure failure)
        {
            Report(failure);
            return failure.ExitCode;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested
                                          && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            console.Note("Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception)
        {
            // A defect of the CLI itself; the user still gets one line rather than a stack trace.
            Report(new CliFailure(ExitCodes.Refused, $"Unexpected failure ({exception.GetType().Name}): {exception.Message}"));
            return ExitCodes.Refused;
        }
    }

    private void Report(CliFailure failure)
    {
        console.Note($"error: {failure.Message}");
        foreach (var detail in failure.Details)
        {
            console.Note($"  {detail}");
        }
    }
}
