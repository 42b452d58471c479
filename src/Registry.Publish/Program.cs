using Registry.Publish.Extensions;
using Registry.Publish.Grpc;
using Registry.ServiceHosting;

var builder = WebApplication.CreateBuilder(args);
builder.UseRegistryServicePorts();
builder.AddServiceDefaults();
builder.AddPublishServices();

var app = builder.Build();
app.UseRestProblems();
app.MapGrpcService<PublishService>();
app.MapGrpcService<AnnotationsService>();
app.MapGrpcService<AuditService>();
app.MapRegistryServiceDefaults();
app.Run();
