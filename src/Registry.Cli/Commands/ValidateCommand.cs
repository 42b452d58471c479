using System.CommandLine;
using Registry.Cli.Connection;
using Registry.Cli.Output;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>validate &lt;server.json&gt;</c>: the publish checks without storing; exit 1 when invalid.</summary>
public static class ValidateCommand
{
    public static Command Create(CommandRunner runner)
    {
        var file = DocumentFile.Argument();
        var command = new Command("validate", "Check a server.json file against the schema and the registry's rules without publishing") { file };
        runner.Bind(command, async invocation =>
        {
            var document = await DocumentFile.ReadAsync(invocation.Value(file), invocation.CancellationToken);
            var result = await invocation.CallAsync(ServiceKind.Publish, (channel, call) =>
                new Publish.PublishClient(channel).ValidateServerAsync(new ValidateServerRequest { Document = document }, call).ResponseAsync);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(result));
            }
            else
            {
                if (result.Issues.Count > 0)
                {
                    invocation.Console.Out.Write(IssueTables.Issues(result.Issues));
                }

                invocation.Console.Note(result.Valid ? "The document is valid." : $"The document is invalid: {result.Issues.Count} issue(s).");
            }

            return result.Valid ? ExitCodes.Success : ExitCodes.Refused;
        });
        return command;
    }
}
