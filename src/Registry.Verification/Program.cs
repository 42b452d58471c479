using Registry.ServiceHosting;
using Registry.Verification.Extensions;
using Registry.Verification.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.UseRegistryServicePorts();
builder.AddServiceDefaults();
builder.AddVerificationServices();

var app = builder.Build();
app.UseRestProblems();
app.MapGrpcService<VerificationService>();
app.MapRegistryServiceDefaults();
app.Run();
