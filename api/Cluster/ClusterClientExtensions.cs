using Escalation.Api.Auth;
using Escalation.Api.Console;
using Escalation.Api.Directory;
using Escalation.Sla;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Escalation.Api.Cluster;

internal static class ClusterClientExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>
    /// The api as an Orleans client of the cluster (it never hosts a silo). It keeps trying to reach a gateway, and
    /// serves HTTP meanwhile so that <c>/health/ready</c> can say it is not ready yet.
    /// </summary>
    public static WebApplicationBuilder AddClusterClient(this WebApplicationBuilder builder)
    {
        var gatewayPort = builder.Configuration.GetValue("Cluster:GatewayPort", 30000);
        builder.UseOrleansClient(client => client
            .UseLocalhostClustering(gatewayPort)
            .AddEscalationDashboard()
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            }));
        builder.Services.AddSingleton<DirectorySeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DirectorySeeder>());
        builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }

    /// <summary>Ready once a grain answers, the directory is seeded (logins work) and complaint events arrive.</summary>
    private sealed class ClusterHealthCheck(IClusterClient client, DirectorySeeder seeder, ComplaintEventBridge events) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await client.GetGrain<ISlaPolicyGrain>(0).GetPolicies().AsTask().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                return !seeder.Completed ? HealthCheckResult.Unhealthy("The directory is being seeded.")
                    : !events.Subscribed ? HealthCheckResult.Unhealthy("Not yet subscribed to complaint events.")
                    : HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The cluster cannot be reached.", exception);
            }
        }
    }
}
