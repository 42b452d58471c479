using Registry.MigrationService;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
builder.AddMigrationWorker();

await builder.Build().RunAsync();
