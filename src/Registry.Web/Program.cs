using Registry.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddWebCatalog();

var app = builder.Build();
app.MapWebCatalog();
app.MapDefaultEndpoints();
app.Run();
