using System.Collections;
using Registry.Cli;

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    interrupt.Cancel();
};

var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => e.Value as string);
return await CliApplication.RunAsync(args, Console.Out, Console.Error, environment, !Console.IsOutputRedirected, interrupt.Token);
