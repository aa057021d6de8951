using Escalation.Cluster;
using Escalation.Grains;
using Escalation.Silo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

var builder = Host.CreateApplicationBuilder(args.Where(arg => arg != "init-db").ToArray());
var connectionString = builder.Configuration.GetConnectionString(EscalationSilo.ConnectionStringName);

// Create or update the database schema, then exit
if (args.Contains("init-db"))
{
    if (string.IsNullOrEmpty(connectionString))
    {
        Console.Error.WriteLine("init-db needs ConnectionStrings__Escalation (a PostgreSQL connection string).");
        return 2;
    }

    return await DatabaseSchema.InitializeAsync(connectionString, Console.Out, Console.Error);
}

// Refuse to start on a database that cannot be used
if (!string.IsNullOrEmpty(connectionString) && !await DatabaseSchema.CheckAsync(connectionString, Console.Error))
{
    return 2;
}

// Configure the Orleans silo: the profile, TLS when configured, the grains, Kubernetes hosting in a pod, and the
// dashboard's silo side only when Escalation:Dashboard:Enabled (see DashboardSwitch), its own polling of the silos'
// statistics every 10 s rather than every second.
builder.UseOrleans(silo =>
{
    silo.UseProfile(builder.Configuration)
        .UseClusterTls(builder.Configuration)
        .AddEscalationGrains(builder.Configuration)
        .UseKubernetesHostingInPod()
        .ConfigureServices(services =>
        {
            if (builder.Configuration.GetValue(DiagnosticsReport.Enabled, false))
            {
                services.AddSingleton<IIncomingGrainCallFilter>(provider => provider.GetRequiredService<CallCounter>());
            }
        });
    if (DashboardSwitch.IsOn(builder.Configuration))
    {
        silo.AddDashboard(options => options.CounterUpdateIntervalMs = 10_000);
    }
});

// Traces, metrics and logs over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
builder.AddSiloTelemetry();

// Benchmarks read memory use, messages and calls off standard output
builder.Services.AddSingleton<CallCounter>();
builder.Services.AddHostedService<DiagnosticsReport>();

await builder.Build().RunAsync();
return 0;
