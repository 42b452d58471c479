using System.Collections;
using Registry.Cli;
using Registry.Cli.Output;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C lets the command end cleanly; a second one ends the process at once.
    if (interrupt.IsCancellationRequested)
    {
        return;
    }

    e.Cancel = true;
    interrupt.Cancel();
};

var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => e.Value as string);
return await CliApplication.RunAsync(args, Console.Out, Console.Error, environment,
    new Terminals(Output: !Console.IsOutputRedirected, Error: !Console.IsErrorRedirected), interrupt.Token);
