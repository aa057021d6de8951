using Escalation.Api.Cluster;

var builder = WebApplication.CreateBuilder(args);

// Configure the Orleans client and health checks
builder.AddClusterClient();

var app = builder.Build();

app.MapHealthEndpoints();

app.Run();
