using Microsoft.Extensions.Hosting;
using Escalation.Silo;
using Orleans.Dashboard;

var builder = Host.CreateApplicationBuilder(args);

// Configure the Orleans silo: the embedded default (in memory), the grains, and the dashboard's silo side.
builder.UseOrleans(silo => silo
    .UseEmbeddedDefault(builder.Configuration)
    .AddEscalationGrains(builder.Configuration)
    .AddDashboard());

await builder.Build().RunAsync();
