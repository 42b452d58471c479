using System.CommandLine;
using Registry.Cli.Connection;
using Registry.Cli.Login;
using Registry.Cli.Output;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>status &lt;name&gt; [version] --status S [--message M] [--all-versions]</c>.</summary>
public static class StatusCommand
{
    public static Command Create(CommandRunner runner)
    {
        var name = ServersCommands.NameArgument();
        var version = new Argument<string?>("version") { Description = "Version to change (omit with --all-versions)", Arity = ArgumentArity.ZeroOrOne };
        var status = new Option<string>("--status") { Description = "active | deprecated | deleted", Required = true };
        status.AcceptOnlyFromAmong("active", "deprecated", "deleted");
        var message = new Option<string?>("--message") { Description = "Why (at most 500 characters; not with active)" };
        var allVersions = new Option<bool>("--all-versions") { Description = "Change every version of the server" };
        var auth = new AuthOptions();
        var command = new Command("status", "Change the status of a version, or of every version with --all-versions") { name, version, status, message, allVersions };
        auth.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasVersion = result.GetValue(version) is not null;
            var all = result.GetValue(allVersions);
            if (hasVersion == all)
            {
                result.AddError(all ? "Give either a version or --all-versions, not both." : "Give a version, or --all-versions.");
            }
        });
        runner.Bind(command, async invocation =>
        {
            var token = await auth.TokenAsync(invocation);
            if (invocation.Value(allVersions))
            {
                var request = new UpdateServerStatusRequest { ServerName = invocation.Value(name), Status = invocation.Value(status)! };
                if (invocation.Value(message) is { } m) request.StatusMessage = m;
                var response = await invocation.CallAsync(ServiceKind.Publish, (channel, call) =>
                    new Publish.PublishClient(channel).UpdateServerStatusAsync(request, call).ResponseAsync, token);
                if (invocation.Json)
                {
                    invocation.Console.Line(JsonOutput.Document(response));
                }
                else
                {
                    invocation.Console.Out.Write(ServerTables.List(response.Servers));
                }

                return ExitCodes.Success;
            }

            var versionRequest = new UpdateVersionStatusRequest
            {
                ServerName = invocation.Value(name),
                Version = invocation.Value(version)!,
                Status = invocation.Value(status)!,
            };
            if (invocation.Value(message) is { } text) versionRequest.StatusMessage = text;
            var entry = await invocation.CallAsync(ServiceKind.Publish, (channel, call) =>
                new Publish.PublishClient(channel).UpdateVersionStatusAsync(versionRequest, call).ResponseAsync, token);
            ServersCommands.Write(invocation, entry);
            return ExitCodes.Success;
        });
        return command;
    }
}
