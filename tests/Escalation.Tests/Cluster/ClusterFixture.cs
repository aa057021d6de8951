using Escalation.Events;
using Escalation.Grains;
using Escalation.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Escalation.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Escalation.Tests.Cluster;

/// <summary>
/// One in-process silo whose grain timers and reminders run on a fake clock that tests advance, while the
/// silo's own background loops keep real time. The test client is subscribed to the complaint events.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime, IDisposable
{
    /// <summary>A Monday morning.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    /// <summary>The texts of a complaint closed this long ago are erased (<c>Escalation:Retention:ClosedComplaintText</c>).</summary>
    public static readonly TimeSpan KeepClosedTexts = TimeSpan.FromDays(30);

    public FakeTimeProvider Clock { get; } = new(Start);

    public EventRecorder Events { get; } = new();

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    private readonly CancellationTokenSource stopping = new();
    private IComplaintEventObserver? subscription;
    private Task renewal = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo
            .AddEmbeddedStorage()
            .UseInMemoryReminderService()
            .AddEscalationGrains(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Escalation:Retention:ClosedComplaintText"] = KeepClosedTexts.ToString() })
                .Build())
            .UseFakeClock(Clock));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        subscription = Client.CreateObjectReference<IComplaintEventObserver>(Events);
        await Subscribe(subscription);
        renewal = RenewSubscription(subscription);
    }

    public async Task DisposeAsync()
    {
        await stopping.CancelAsync();
        await renewal;
        await Cluster.DisposeAsync();
    }

    public void Dispose() => stopping.Dispose();

    private async Task Subscribe(IComplaintEventObserver observer) =>
        await Task.WhenAll(Enumerable.Range(0, EventChannels.Count).Select(channel => Client.GetGrain<IComplaintEventsGrain>(channel).Subscribe(observer, seen: null).AsTask()));

    /// <summary>The subscription is a lease (a minute of real time), renewed as the api renews its own.</summary>
    private async Task RenewSubscription(IComplaintEventObserver observer)
    {
        using var every = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await every.WaitForNextTickAsync(stopping.Token))
            {
                await Subscribe(observer);
            }
        }
        catch (OperationCanceledException)
        {
            // The fixture is being disposed.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
