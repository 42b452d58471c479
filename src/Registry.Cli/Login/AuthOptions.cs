using System.CommandLine;
using Registry.Cli.Commands;
using Registry.Cli.Connection;

namespace Registry.Cli.Login;

/// <summary>
/// How a write command gets its registry token: a login it performs itself (--login), else --token, else the
/// REGISTRY_TOKEN variable.
/// </summary>
public sealed class AuthOptions
{
    public const string TokenVariable = "REGISTRY_TOKEN";

    public Option<string?> Token { get; } = new("--token")
    {
        Description = $"Registry token, as printed by 'login' [env: {TokenVariable}]",
        HelpName = "token",
    };

    public Option<string?> Login { get; } = CreateLogin();

    public LoginOptions LoginValues { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Token);
        command.Options.Add(Login);
        LoginValues.AddTo(command);
    }

    public async Task<string> TokenAsync(Invocation invocation)
    {
        if (invocation.Value(Login) is { } method)
        {
            return (await RegistryLogin.LoginAsync(invocation, method, LoginValues)).RegistryToken_;
        }

        return invocation.ValueOrVariable(Token, TokenVariable)
            ?? throw CliFailure.Usage($"This command needs a registry token: pass --token, set {TokenVariable}, or log in with --login.");
    }

    private static Option<string?> CreateLogin()
    {
        var option = new Option<string?>("--login") { Description = "Log in first with this method", HelpName = "method" };
        option.AcceptOnlyFromAmong(LoginMethods.All);
        return option;
    }
}
