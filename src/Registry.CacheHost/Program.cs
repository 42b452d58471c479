using System.Runtime.InteropServices;
using Garnet;

var port = ResolvePort(args, Environment.GetEnvironmentVariable("CACHE_PORT"));

using var server = new GarnetServer([
    "--bind", "127.0.0.1",
    "--port", port.ToString(),
    "--memory", "256m",
    "--index", "16m",
    "--lua",
    "--logger-level", "Warning",
    "-q",
]);
try
{
    server.Start();
}
catch (Exception error)
{
    Console.Error.WriteLine($"Garnet could not start on 127.0.0.1:{port}: {error.Message}");
    return 1;
}
Console.WriteLine($"Garnet listening on 127.0.0.1:{port}");

var stopped = new TaskCompletionSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopped.TrySetResult();
}
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
await stopped.Task;
Console.WriteLine("Garnet stopping");
return 0;

static int ResolvePort(string[] args, string? fromEnvironment)
{
    for (var i = 0; i < args.Length; i++)
    {
        if (args[i] == "--port" && i + 1 < args.Length)
        {
            return int.Parse(args[i + 1]);
        }
        if (args[i].StartsWith("--port=", StringComparison.Ordinal))
        {
            return int.Parse(args[i]["--port=".Length..]);
        }
    }
    return int.TryParse(fromEnvironment, out var port) ? port : 6379;
}
