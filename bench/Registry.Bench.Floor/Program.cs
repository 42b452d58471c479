using Microsoft.AspNetCore.Server.Kestrel.Core;

// The floor: what bare Kestrel does with the same bytes the gateway answers, nothing else on the path.
// Usage: Registry.Bench.Floor --port <port> --body <file>
var port = int.Parse(Argument("--port"));
var body = await File.ReadAllBytesAsync(Argument("--body"));

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1));

var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "application/json";
    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
await app.RunAsync();

string Argument(string name) =>
    args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? throw new ArgumentException($"{name} is required");
