using Registry.Mirror.Extensions;
using Registry.Mirror.Status;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMirror();

var app = builder.Build();
app.MapMirrorStatus();
app.MapDefaultEndpoints();
app.Run();
