using System.CommandLine;
using Registry.Cli.Connection;
using Registry.Cli.Output;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>watch [--from N]</c>: follows the change feed until interrupted, one line per change.</summary>
public static class WatchCommand
{
    public static Command Create(CommandRunner runner)
    {
        var from = new Option<long>("--from") { Description = "Replay changes after this sequence first (0: the whole log)", HelpName = "sequence" };
        var command = new Command("watch", "Stream the change feed until Ctrl+C") { from };
        runner.Bind(command, async invocation =>
        {
            var request = new WatchChangesRequest { FromSequence = invocation.Value(from) };
            if (request.FromSequence < 0)
            {
                throw CliFailure.Usage("--from must be 0 or more.");
            }

            using var call = invocation.Stream(ServiceKind.Catalog, (channel, options) => new Catalog.CatalogClient(channel).WatchChanges(request, options));
            try
            {
                await foreach (var change in invocation.ReadAllAsync(ServiceKind.Catalog, call))
                {
                    invocation.Console.Line(invocation.Json ? JsonOutput.Line(change) : ChangeLines.Format(change));
                }
            }
            catch (OperationCanceledException) when (invocation.CancellationToken.IsCancellationRequested)
            {
            }
            catch (Grpc.Core.RpcException) when (invocation.CancellationToken.IsCancellationRequested)
            {
            }

            // Interrupting is how a watch ends; the stream ending by itself means the service went away.
            if (invocation.CancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Success;
            }

            throw new CliFailure(ExitCodes.Unreachable, "The catalog service ended the change feed.");
        });
        return command;
    }
}
