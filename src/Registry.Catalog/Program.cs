using Registry.Catalog.Extensions;
using Registry.Catalog.Grpc;
using Registry.ServiceHosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseRegistryServicePorts();
builder.AddServiceDefaults();
builder.AddCatalogServices();

var app = builder.Build();
app.UseRestProblems();
app.MapGrpcService<CatalogService>();
app.MapRegistryServiceDefaults();
app.Run();
