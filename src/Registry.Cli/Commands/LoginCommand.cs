using System.CommandLine;
using Registry.Cli.Login;
using Registry.Cli.Output;

namespace Registry.Cli.Commands;

/// <summary><c>login &lt;method&gt;</c>: prints a registry token, for REGISTRY_TOKEN or --token.</summary>
public static class LoginCommand
{
    public static Command Create(CommandRunner runner)
    {
        var method = new Argument<string>("method") { Description = string.Join(" | ", LoginMethods.All) };
        method.AcceptOnlyFromAmong(LoginMethods.All);
        var options = new LoginOptions();
        var command = new Command("login", "Log in and print the registry token") { method };
        options.AddTo(command);
        runner.Bind(command, async invocation =>
        {
            var token = await RegistryLogin.LoginAsync(invocation, invocation.Value(method), options);
            invocation.Console.Line(invocation.Json ? JsonOutput.Document(token) : token.RegistryToken_);
            return ExitCodes.Success;
        });
        return command;
    }
}
