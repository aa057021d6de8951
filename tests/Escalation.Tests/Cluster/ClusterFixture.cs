using Escalation.Events;
using Escalation.Grains;
using Escalation.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
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
        builder.ConfigureSilo((_, silo) => silo
            .AddMemoryGrainStorage(StorageNames.Escalation)
            .UseInMemoryReminderService()
            .UseFakeClock(Clock));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        subscription = Client.CreateObjectReference<IComplaintEventObserver>(Events);
        await Client.GetGrain<IComplaintEventsGrain>(0).Subscribe(subscription, seen: null);
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
