using System.CommandLine;
using Registry.Cli.Connection;
using Registry.Cli.Login;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>publish &lt;server.json&gt;</c>: stores a new version.</summary>
public static class PublishCommand
{
    public static Command Create(CommandRunner runner)
    {
        var file = DocumentFile.Argument();
        var auth = new AuthOptions();
        var command = new Command("publish", "Publish a new server version from a server.json file") { file };
        auth.AddTo(command);
        runner.Bind(command, async invocation =>
        {
            var document = await DocumentFile.ReadAsync(invocation.Value(file), invocation.CancellationToken);
            var token = await auth.TokenAsync(invocation);
            var entry = await invocation.WithStatusAsync("Publishing…", _ => invocation.CallAsync(ServiceKind.Publish, (channel, call) =>
                new Publish.PublishClient(channel).PublishServerAsync(new PublishServerRequest { Document = document }, call).ResponseAsync, token));
            if (!invocation.Json)
            {
                invocation.Console.Note($"Published {entry.Server.Name} {entry.Server.Version}.");
            }

            ServersCommands.Write(invocation, entry);
            return ExitCodes.Success;
        });
        return command;
    }
}
