using Registry.Mcp.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddMcpServices();

var app = builder.Build();
app.MapMcp(McpServiceExtensions.McpPath);
app.MapDefaultEndpoints();
app.Run();
