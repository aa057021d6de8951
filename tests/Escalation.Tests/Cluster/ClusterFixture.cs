using Escalation.Events;
using Escalation.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Hosting;
using Orleans.Reminders;
using Orleans.TestingHost;

namespace Escalation.Tests.Cluster;

/// <summary>
/// One in-process silo whose grain timers and reminders run on a fake clock that tests advance, while the
/// silo's own background loops keep real time. The test client is subscribed to the complaint events.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>A Monday morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public EventRecorder Events { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    private IComplaintEventObserver? subscription;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(StorageNames.Escalation).UseInMemoryReminderService();
            silo.Configure<ReminderOptions>(options =>
            {
                options.MinimumReminderPeriod = TimeSpan.FromSeconds(1);

                // Reminders due further off than the window are loaded by a periodic refresh; on the fake clock that
                // refresh would race the test's own advancing, so every reminder is loaded at once.
                options.ReminderLoadingWindow = TimeSpan.FromDays(365);
            });
            silo.Services.Configure<EscalationOptions>(_ => { });
            silo.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            silo.Services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
            silo.Services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, Clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        subscription = Client.CreateObjectReference<IComplaintEventObserver>(Events);
        await Client.GetGrain<IComplaintEventsGrain>(0).Subscribe(subscription);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
