using Microsoft.Extensions.Hosting;
using Escalation.Silo;

var builder = Host.CreateApplicationBuilder(args);

// Configure the Orleans silo: the embedded default (in memory) and the grains.
builder.UseOrleans(silo => silo
    .UseEmbeddedDefault(builder.Configuration)
    .AddEscalationGrains(builder.Configuration));

await builder.Build().RunAsync();
