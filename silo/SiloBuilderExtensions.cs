using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Escalation.Grains;
using Orleans.Configuration;

namespace Escalation.Silo;

/// <summary>The silo's configuration, public so that tests host the same silo the product runs.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// The embedded default: localhost clustering, grain state and reminders in memory. Nothing to install,
    /// nothing kept across a restart.
    /// </summary>
    public static ISiloBuilder UseEmbeddedDefault(this ISiloBuilder silo, IConfiguration configuration)
    {
        var ports = configuration.GetSection(ClusterEndpointOptions.SectionName).Get<ClusterEndpointOptions>() ?? new();
        return silo
            .UseLocalhostClustering(ports.SiloPort, ports.GatewayPort, new IPEndPoint(IPAddress.Loopback, ports.PrimarySiloPort))
            .AddMemoryGrainStorage(StorageNames.Escalation)
            .UseInMemoryReminderService();
    }

    /// <summary>The grains' options and the reminder settings every profile shares.</summary>
    public static ISiloBuilder AddEscalationGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));

        // Reminders only back up the precise grain timers; a short period makes a deadline that passed during an
        // outage fire within seconds of recovery instead of at the next minute boundary.
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        return silo;
    }
}
