using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Escalation.Grains;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Escalation.Silo;

/// <summary>The silo's configuration, public so that tests host the same silo the product runs.</summary>
public static class EscalationSilo
{
    public const string ConnectionStringName = "Escalation";
    private const string Invariant = "Npgsql";

    /// <summary>The durable profile when <c>ConnectionStrings:Escalation</c> is set, else the embedded default.</summary>
    public static ISiloBuilder UseProfile(this ISiloBuilder silo, IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString
            ? silo.UseDurableProfile(configuration, connectionString)
            : silo.UseEmbeddedDefault(configuration);

    /// <summary>
    /// The embedded default: localhost clustering, grain state and reminders in memory. Nothing to install,
    /// nothing kept across a restart.
    /// </summary>
    public static ISiloBuilder UseEmbeddedDefault(this ISiloBuilder silo, IConfiguration configuration)
    {
        var ports = Ports(configuration);
        return silo
            .UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, new IPEndPoint(IPAddress.Loopback, ports.PrimarySiloPort))
            .AddMemoryGrainStorage(StorageNames.Escalation)
            .UseInMemoryReminderService();
    }

    /// <summary>
    /// The durable profile: membership, grain state and reminders in PostgreSQL through the Orleans ADO.NET
    /// providers. Any number of silos (and api instances) join through the same database.
    /// </summary>
    public static ISiloBuilder UseDurableProfile(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        var ports = Ports(configuration);
        silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (ports.ClusterId, ports.ServiceId));
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{ClusterEndpointOptions.SectionName}:Membership"));
        // A grain whose state cannot even be read fails its activation with the driver's exception; let it travel
        // to the api, which answers 503 for it.
        silo.Services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        return silo
            .ConfigureEndpoints(IPAddress.Parse(ports.AdvertisedAddress), ports.SiloPort, ports.GatewayPort)
            .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (Invariant, connectionString))
            .AddAdoNetGrainStorage(StorageNames.Escalation, options => (options.Invariant, options.ConnectionString) = (Invariant, connectionString))
            .UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (Invariant, connectionString));
    }

    /// <summary>TLS between silos and with api instances, when <c>Cluster:Tls</c> names a certificate (<see cref="Cluster.ClusterCertificate"/>).</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, IConfiguration configuration) =>
        Cluster.ClusterCertificate.Load(configuration) is { } certificate
            ? silo.UseTls(certificate, options => Cluster.ClusterCertificate.RequireSame(options, certificate))
            : silo;

    /// <summary>The grains' options and the reminder settings every profile shares.</summary>
    public static ISiloBuilder AddEscalationGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        var idle = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>()?.IdleComplaintLifetime ?? new EscalationOptions().IdleComplaintLifetime;
        silo.Configure<GrainCollectionOptions>(options =>
        {
            // One of each per complaint (or per busy hour): let the idle ones go soon, they are cheap to reactivate.
            Type[] perComplaint =
            [
                typeof(Escalation.Grains.Complaints.ComplaintGrain), typeof(Escalation.Grains.Connectors.ConnectorMessageGrain),
                typeof(Escalation.Grains.Customers.CustomerGrain), typeof(Escalation.Grains.Analytics.AnalyticsPageGrain),
            ];
            foreach (var type in perComplaint)
            {
                options.ClassSpecificCollectionAge[type.FullName!] = idle;
            }
        });
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();

        // Grain state is stored in the Orleans binary format (every state class is [GenerateSerializer]) rather
        // than the default JSON: a third of the silo's time under load went to writing JSON.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        // Reminders only back up the precise grain timers; a short period makes a deadline that passed during an
        // outage fire within seconds of recovery instead of at the next minute boundary.
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        return silo;
    }

    private static ClusterEndpointOptions Ports(IConfiguration configuration) =>
        configuration.GetSection(ClusterEndpointOptions.SectionName).Get<ClusterEndpointOptions>() ?? new();
}
