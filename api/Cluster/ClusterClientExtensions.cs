using Escalation.Api.Auth;
using Escalation.Api.Console;
using Escalation.Api.Directory;
using Escalation.Caching;
using Escalation.Cluster;
using Escalation.Directory;
using Escalation.Sla;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;

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
        var connectionString = builder.Configuration.GetConnectionString(EscalationProfile.ConnectionStringName);
        builder.UseOrleansClient(client => (string.IsNullOrWhiteSpace(connectionString)
                ? client.UseLocalhostClustering(gatewayPort)
                : client
                    .Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"))
                    .Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (
                        builder.Configuration.GetValue("Cluster:ClusterId", "escalation")!,
                        builder.Configuration.GetValue("Cluster:ServiceId", "escalation")!))
                    .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = ("Npgsql", connectionString)))
            .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod =
                builder.Configuration.GetValue("Cluster:GatewayListRefreshPeriod", TimeSpan.FromSeconds(10)))
            .UseClusterTls(builder.Configuration)
            .AddEscalationDashboard()
            .UseConnectionRetryFilter(async (_, cancellationToken) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                return true;
            }));
        builder.Services.AddGrainCache<IDirectoryGrain, IReadOnlyDictionary<string, ChannelRecord>>(IDirectoryGrain.ChannelsByName);
        builder.Services.AddSingleton<DirectorySeeder>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DirectorySeeder>());
        builder.Services.Configure<HostOptions>(options => options.ServicesStartConcurrently = true);
        builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>TLS to the silos' gateways, when <c>Cluster:Tls</c> names a certificate (<see cref="ClusterCertificate"/>).</summary>
    private static IClientBuilder UseClusterTls(this IClientBuilder client, IConfiguration configuration) =>
        ClusterCertificate.Load(configuration) is { } certificate
            ? client.UseTls(certificate, options => ClusterCertificate.RequireSame(options, certificate))
            : client;

    /// <summary>
    /// In the durable profile, a database that cannot be reached at start is a clear error and a non-zero exit, not
    /// an api that waits in silence.
    /// </summary>
    public static void RequireReachableDatabase(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(EscalationProfile.ConnectionStringName) is not { Length: > 0 } connectionString)
        {
            return;
        }

        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
        }
        catch (NpgsqlException exception)
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            throw new InvalidOperationException(
                $"Cannot reach the database {target.Host}:{target.Port}/{target.Database}: {exception.Message}. Check ConnectionStrings__Escalation and that PostgreSQL is running.",
                exception);
        }
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
