using Escalation.Grains.Analytics;
using Escalation.Grains.Complaints;
using Escalation.Grains.Connectors;
using Escalation.Grains.Customers;
using Escalation.Grains.Index;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Escalation.Grains;

/// <summary>What every silo of Escalation configures, whichever storage it runs on (the test clusters too).</summary>
public static class GrainsHosting
{
    /// <summary>The grains' options, idle collection, the storage failure filter, reminders, and the deadline shards started with the silo.</summary>
    public static ISiloBuilder AddEscalationGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.Configure<EscalationOptions>(configuration.GetSection(EscalationOptions.SectionName));
        var idle = configuration.GetSection(EscalationOptions.SectionName).Get<EscalationOptions>()?.IdleComplaintLifetime ?? new EscalationOptions().IdleComplaintLifetime;
        silo.Configure<GrainCollectionOptions>(options =>
        {
            // One of each per complaint (or per busy hour): let the idle ones go soon, they are cheap to reactivate.
            Type[] perComplaint = [typeof(ComplaintGrain), typeof(ConnectorMessageGrain), typeof(CustomerGrain), typeof(AnalyticsPageGrain)];
            foreach (var type in perComplaint)
            {
                options.ClassSpecificCollectionAge[type.FullName!] = idle;
            }
        });
        silo.AddIncomingGrainCallFilter<StorageFailureFilter>();

        // Reminders bring back the deadline shards (and overdue improvements); a short period makes a deadline that passed
        // during an outage fire within seconds of recovery instead of at the next minute boundary.
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));

        // A silo that starts (alone, or after the whole cluster stopped) wakes every shard at once rather than at its next reminder tick.
        silo.AddStartupTask(async (services, _) =>
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            var shards = services.GetRequiredService<IOptions<EscalationOptions>>().Value.DeadlineShards;
            await Task.WhenAll(Enumerable.Range(0, shards).Select(shard => grains.GetGrain<IDeadlineShardGrain>(shard).Start().AsTask()));
        });
        return silo;
    }
}
