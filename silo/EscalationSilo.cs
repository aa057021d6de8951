using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Escalation.Grains.Storage;
using Escalation.Silo.Storage;
using Orleans.Configuration;
using Orleans.Serialization;

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
    /// The embedded default: one silo (localhost clustering), grain state, the complaint index and reminders in memory.
    /// Nothing to install, nothing kept across a restart.
    /// </summary>
    public static ISiloBuilder UseEmbeddedDefault(this ISiloBuilder silo, IConfiguration configuration)
    {
        var ports = Ports(configuration);
        return silo
            .UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, new IPEndPoint(IPAddress.Loopback, ports.PrimarySiloPort))
            .AddEmbeddedStorage()
            .UseInMemoryReminderService();
    }

    /// <summary>
    /// The durable profile: membership and reminders in PostgreSQL through the Orleans ADO.NET providers, grain state and
    /// the complaint index through Escalation's own storage (writes in groups). Any number of silos (and api instances)
    /// join through the same database.
    /// </summary>
    public static ISiloBuilder UseDurableProfile(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        var ports = Ports(configuration);
        var providers = (configuration.GetSection(PostgresStorageOptions.SectionName).Get<PostgresStorageOptions>() ?? new()).ForProviders(connectionString);
        silo.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (ports.ClusterId, ports.ServiceId));
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection($"{ClusterEndpointOptions.SectionName}:Membership"));
        // A grain whose state cannot even be read fails its activation with the driver's exception; let it travel
        // to the api, which answers 503 for it.
        silo.Services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        return silo
            .ConfigureEndpoints(IPAddress.Parse(ports.AdvertisedAddress), ports.SiloPort, ports.GatewayPort)
            .UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (Invariant, providers))
            .AddPostgresStorage(configuration, connectionString)
            .UseAdoNetReminderService(options => (options.Invariant, options.ConnectionString) = (Invariant, providers));
    }

    /// <summary>TLS between silos and with api instances, when <c>Cluster:Tls</c> names a certificate (<see cref="Cluster.ClusterCertificate"/>).</summary>
    public static ISiloBuilder UseClusterTls(this ISiloBuilder silo, IConfiguration configuration) =>
        Cluster.ClusterCertificate.Load(configuration) is { } certificate
            ? silo.UseTls(certificate, options => Cluster.ClusterCertificate.RequireSame(options, certificate))
            : silo;

    private static ClusterEndpointOptions Ports(IConfiguration configuration) =>
        configuration.GetSection(ClusterEndpointOptions.SectionName).Get<ClusterEndpointOptions>() ?? new();
}
