using System.CommandLine;
using System.Text;
using System.Text.Json;
using Google.Api;
using Google.Protobuf;
using Registry.Cli.Connection;
using Registry.Cli.Login;
using Registry.Cli.Output;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>annotate set|remove|list</c>: operator annotations (hosted by the publish service).</summary>
public static class AnnotateCommands
{
    public static Command Create(CommandRunner runner)
    {
        var annotate = new Command("annotate", "Operator annotations on a server or one version");
        annotate.Subcommands.Add(Set(runner));
        annotate.Subcommands.Add(Remove(runner));
        annotate.Subcommands.Add(List(runner));
        return annotate;
    }

    private static Command Set(CommandRunner runner)
    {
        var name = ServersCommands.NameArgument();
        var key = KeyArgument();
        var value = new Argument<string>("json") { Description = "The annotation, a JSON object, e.g. {\"verdict\":\"approved\"}" };
        var version = VersionOption();
        var auth = new AuthOptions();
        var command = new Command("set", "Attach or replace an annotation on every version, or on one with --version") { name, key, value, version };
        auth.AddTo(command);
        runner.Bind(command, async invocation =>
        {
            var request = new SetAnnotationRequest
            {
                ServerName = invocation.Value(name),
                Key = invocation.Value(key),
                Value = JsonObjectBody(invocation.Value(value)),
            };
            var token = await auth.TokenAsync(invocation);
            var versionValue = invocation.Value(version);
            if (versionValue is not null)
            {
                request.Version = versionValue;
            }

            var annotation = await invocation.CallAsync(ServiceKind.Publish, (channel, call) => versionValue is null
                ? new Annotations.AnnotationsClient(channel).SetServerAnnotationAsync(request, call).ResponseAsync
                : new Annotations.AnnotationsClient(channel).SetVersionAnnotationAsync(request, call).ResponseAsync, token);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(annotation));
            }
            else
            {
                invocation.Console.Out.Write(AdminTables.Annotations([annotation]));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove(CommandRunner runner)
    {
        var name = ServersCommands.NameArgument();
        var key = KeyArgument();
        var version = VersionOption();
        var auth = new AuthOptions();
        var command = new Command("remove", "Remove an annotation from the server, or from one version with --version") { name, key, version };
        auth.AddTo(command);
        runner.Bind(command, async invocation =>
        {
            var request = new RemoveAnnotationRequest { ServerName = invocation.Value(name), Key = invocation.Value(key) };
            var token = await auth.TokenAsync(invocation);
            var versionValue = invocation.Value(version);
            if (versionValue is not null)
            {
                request.Version = versionValue;
            }

            var response = await invocation.CallAsync(ServiceKind.Publish, (channel, call) => versionValue is null
                ? new Annotations.AnnotationsClient(channel).RemoveServerAnnotationAsync(request, call).ResponseAsync
                : new Annotations.AnnotationsClient(channel).RemoveVersionAnnotationAsync(request, call).ResponseAsync, token);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(response));
            }
            else
            {
                invocation.Console.Line($"Removed {request.Key}; {response.AffectedVersions} version(s) changed.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List(CommandRunner runner)
    {
        var name = ServersCommands.NameArgument();
        var command = new Command("list", "List a server's annotations") { name };
        runner.Bind(command, async invocation =>
        {
            var list = await invocation.CallAsync(ServiceKind.Publish, (channel, call) => new Annotations.AnnotationsClient(channel)
                .ListAnnotationsAsync(new ListAnnotationsRequest { ServerName = invocation.Value(name) }, call).ResponseAsync);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(list));
            }
            else
            {
                invocation.Console.Out.Write(AdminTables.Annotations(list.Annotations));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The value checked here, so that a typo in the shell is a usage error rather than a round trip.</summary>
    private static HttpBody JsonObjectBody(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw CliFailure.Usage("The annotation must be a JSON object, e.g. {\"verdict\":\"approved\"}.");
            }
        }
        catch (JsonException exception)
        {
            throw CliFailure.Usage($"The annotation is not valid JSON: {exception.Message}");
        }

        return new HttpBody { ContentType = "application/json", Data = ByteString.CopyFrom(json, Encoding.UTF8) };
    }

    private static Argument<string> KeyArgument() => new("key") { Description = "Reverse-DNS key, e.g. com.acme.registry/review" };

    private static Option<string?> VersionOption() => new("--version") { Description = "One version instead of every version" };
}
