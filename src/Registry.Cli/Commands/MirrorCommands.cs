using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Cli.Connection;
using Registry.Cli.Output;

namespace Registry.Cli.Commands;

/// <summary><c>mirror status</c>: the mirror's status JSON, read over HTTP/1.1.</summary>
public static class MirrorCommands
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static Command Create(CommandRunner runner)
    {
        var mirror = new Command("mirror", "The upstream mirror");
        var status = new Command("status", "Show the mirror's state: upstream, last pass, errors");
        runner.Bind(status, async invocation =>
        {
            var node = await ReadStatusAsync(invocation);
            if (invocation.Json)
            {
                invocation.Console.Line(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Success;
            }

            var table = Cells.NewTable("Field", "Value");
            foreach (var (key, value) in node.AsObject())
            {
                Cells.AddRow(table, key, value is JsonValue ? value.ToString() : value?.ToJsonString() ?? "");
            }

            invocation.Console.Out.Write(table);
            return ExitCodes.Success;
        });
        mirror.Subcommands.Add(status);
        return mirror;
    }

    /// <summary>
    /// A bare address is the mirror service itself (its GET /status); an address with a path is used as given,
    /// e.g. the gateway's /v0.1/x/dev.mcpregistry/mirror.
    /// </summary>
    public static Uri StatusUrl(Uri address) =>
        address.AbsolutePath is "" or "/" ? new Uri(address, "/status") : address;

    private static async Task<JsonNode> ReadStatusAsync(Invocation invocation)
    {
        var address = invocation.Address(ServiceKind.Mirror);
        var url = StatusUrl(address);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = Timeout };
        try
        {
            using var response = await http.GetAsync(url, invocation.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(invocation.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new CliFailure((int)response.StatusCode >= 500 ? ExitCodes.Unreachable : ExitCodes.Refused,
                    $"The mirror at {url} answered {(int)response.StatusCode}: {ProblemDetail(body) ?? response.ReasonPhrase}");
            }

            return JsonNode.Parse(body) as JsonObject
                ?? throw new CliFailure(ExitCodes.Refused, $"The mirror at {url} did not answer a JSON object.");
        }
        catch (HttpRequestException exception)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"Cannot reach the mirror service at {url}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!invocation.CancellationToken.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Unreachable, $"The mirror service at {url} did not answer within {Timeout.TotalSeconds} s.");
        }
        catch (JsonException)
        {
            throw new CliFailure(ExitCodes.Refused, $"The mirror at {url} did not answer JSON.");
        }
    }

    private static string? ProblemDetail(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["detail"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
