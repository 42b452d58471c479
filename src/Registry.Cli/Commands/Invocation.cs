using System.CommandLine;
using Grpc.Core;
using Grpc.Net.Client;
using Registry.Cli.Connection;
using Registry.Cli.Output;
using Spectre.Console;

namespace Registry.Cli.Commands;

/// <summary>One run of a command: its parsed values, its console, and the calls it makes to the services.</summary>
public sealed class Invocation(
    ParseResult parse, GlobalOptions globals, CliConsole console, IReadOnlyDictionary<string, string?> environment,
    ServiceChannels channels, CancellationToken cancellationToken)
{
    public ParseResult Parse { get; } = parse;

    public CliConsole Console { get; } = console;

    public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool Json => Parse.GetValue(globals.Json);

    public T? Value<T>(Option<T> option) => Parse.GetValue(option);

    public T Value<T>(Argument<T> argument) => Parse.GetValue(argument)!;

    /// <summary>The value of an option, else of an environment variable.</summary>
    public string? ValueOrVariable(Option<string?> option, string variable) =>
        Parse.GetValue(option) is { Length: > 0 } value ? value : Environment.GetValueOrDefault(variable) is { Length: > 0 } v ? v : null;

    public Uri Address(ServiceKind service) => ServiceAddress.Resolve(service, Parse.GetValue(globals.For(service)), Environment);

    /// <summary>Calls a service; a failed call becomes a <see cref="CliFailure"/> naming the service and its address.</summary>
    public async Task<T> CallAsync<T>(ServiceKind service, Func<GrpcChannel, CallOptions, Task<T>> call, string? token = null)
    {
        var address = Address(service);
        var options = new CallOptions(headers: token is null ? null : BearerToken.Metadata(token), cancellationToken: CancellationToken);
        try
        {
            return await call(channels.For(address), options);
        }
        catch (RpcException exception) when (!CancellationToken.IsCancellationRequested)
        {
            throw RpcFailures.Translate(exception, service, address);
        }
    }

    /// <summary>Opens a server stream; failures while reading it are translated by <see cref="ReadAllAsync{T}"/>.</summary>
    public AsyncServerStreamingCall<T> Stream<T>(ServiceKind service, Func<GrpcChannel, CallOptions, AsyncServerStreamingCall<T>> open)
    {
        var address = Address(service);
        return open(channels.For(address), new CallOptions(cancellationToken: CancellationToken));
    }

    public async IAsyncEnumerable<T> ReadAllAsync<T>(ServiceKind service, AsyncServerStreamingCall<T> call)
    {
        var address = Address(service);
        while (true)
        {
            bool more;
            try
            {
                more = await call.ResponseStream.MoveNext(CancellationToken);
            }
            catch (RpcException exception) when (!CancellationToken.IsCancellationRequested)
            {
                throw RpcFailures.Translate(exception, service, address);
            }

            if (!more)
            {
                yield break;
            }

            yield return call.ResponseStream.Current;
        }
    }

    /// <summary>Runs a long step under a spinner on standard error when that is a terminal.</summary>
    public async Task<T> WithStatusAsync<T>(string message, Func<Action<string>, Task<T>> step)
    {
        if (!Console.ErrorIsTerminal)
        {
            return await step(_ => { });
        }

        return await Console.Err.Status().StartAsync(Markup.Escape(message),
            context => step(text => context.Status(Markup.Escape(text))));
    }
}
