using Escalation.Caching;
using Escalation.Directory;
using Escalation.Grains.Analytics;
using Escalation.Grains.Complaints;
using Escalation.Grains.Customers;
using Escalation.Grains.Events;
using Escalation.Grains.Index;
using Escalation.Grains.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Escalation.Sla;
using Orleans.Configuration;

namespace Escalation.Grains;

/// <summary>What every silo of Escalation configures, whichever storage it runs on (the test clusters too).</summary>
public static partial class GrainsHosting
{
    // Orleans' collection quantum (GrainCollectionOptions.CollectionQuantum, left at its default): it refuses a collection
    // age that is not longer, as its silo is built, with an exception that names its own option rather than ours.
    private static readonly TimeSpan MinimumIdleLifetime = TimeSpan.FromMinutes(1);

    /// <summary>The grains' options, idle collection, the storage failure filter, reminders, and the deadline shards started with the silo.</summary>
    public static ISiloBuilder AddEscalationGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<EscalationOptions>().Bind(configuration.GetSection(EscalationOptions.SectionName))
            .Validate(options => options.Retention.ClosedComplaintText is not { } keep || keep > TimeSpan.Zero,
                "Escalation:Retention:ClosedComplaintText must be a positive time span (or unset: texts are kept).")
            .Validate(options => options.OutboundGiveUpAfter > TimeSpan.Zero && options.OutboundPerSecond > 0,
                "Escalation:OutboundGiveUpAfter must be a positive time span and Escalation:OutboundPerSecond a positive number.")
            .Validate(options => options.IdleComplaintLifetime > MinimumIdleLifetime,
                "Escalation:IdleComplaintLifetime must be more than one minute (Orleans collects idle activations once a minute).")
            .ValidateOnStart();
        var configured = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>() ?? new EscalationOptions();
        var idle = configured.IdleComplaintLifetime;
        silo.Configure<GrainDirectoryOptions>(options => options.CacheSize = configured.DirectoryCacheSize);
        silo.Configure<GrainCollectionOptions>(options =>
        {
            // One of each per complaint, customer or customer contact (or per busy hour): let the idle ones go soon, they
            // are cheap to reactivate. A lifetime out of range is left to this silo's own validation, which names our setting.
            if (idle <= MinimumIdleLifetime)
            {
                return;
            }

            Type[] perComplaint = [typeof(ComplaintGrain), typeof(CustomerGrain), typeof(ContactGrain), typeof(AnalyticsPageGrain)];
            foreach (var type in perComplaint)
            {
                options.ClassSpecificCollectionAge[type.FullName!] = idle;
            }
        });
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        silo.Services.AddGrainCache<ISlaPolicyGrain, SlaSettings>(grain => grain.GetSettings().AsTask());
        silo.AddStartupTask((services, _) => services.GetRequiredService<GrainCache<ISlaPolicyGrain, SlaSettings>>().Get());
        silo.Services.AddGrainCache<IDirectoryGrain, IReadOnlyDictionary<string, ChannelRecord>>(IDirectoryGrain.ChannelsByName);
        silo.Services.AddSingleton<OutboundDispatcher>();
        silo.Services.AddSingleton<AnalyticsBatcher>();
        silo.Services.AddHostedService(provider => provider.GetRequiredService<AnalyticsBatcher>());
        silo.Services.AddSingleton<EventBatcher>();
        silo.Services.AddHostedService(provider => provider.GetRequiredService<EventBatcher>());

        // Reminders bring back the deadline shards (and overdue improvements); a short period makes a deadline that passed
        // during an outage fire within seconds of recovery instead of at the next minute boundary.
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

        // A silo that starts (alone, or after the whole cluster stopped) wakes every shard at once rather than at its next
        // reminder tick. A shard that cannot start yet (the cluster is still forming) comes back with its reminder.
        silo.AddStartupTask(async (services, _) =>
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            var shards = services.GetRequiredService<IOptions<EscalationOptions>>().Value.DeadlineShards;
            try
            {
                await Task.WhenAll(Enumerable.Range(0, shards).Select(shard => grains.GetGrain<IDeadlineShardGrain>(shard).Start().AsTask()));
            }
            catch (Exception exception) when (exception is OrleansException or TimeoutException)
            {
                ShardsNotStarted(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrainsHosting)), exception);
            }
        });
        return silo;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not every deadline shard started with this silo")]
    private static partial void ShardsNotStarted(ILogger logger, Exception exception);
}
