using Escalation.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Escalation.Grains.Events;

/// <summary>
/// Fans complaint events out to the subscribed api instances, each of which pushes them to its own SignalR
/// connections. Subscriptions are leases that the api renews; they are stored, so that after the whole cluster
/// restarts the first events already reach the api instances that were subscribed.
/// </summary>
public sealed class ComplaintEventsGrain(
    [PersistentState("events", StorageNames.Escalation)] IPersistentState<ComplaintEventsState> state,
    IOptions<EscalationOptions> options,
    ILogger<ComplaintEventsGrain> logger) : Grain, IComplaintEventsGrain
{
    private readonly ObserverManager<IComplaintEventObserver> observers = new(options.Value.SubscriptionLifetime, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        state.State.Subscribers.ForEach(observer => observers.Subscribe(observer, observer));
        return Task.CompletedTask;
    }

    public async ValueTask Subscribe(IComplaintEventObserver observer)
    {
        observers.Subscribe(observer, observer);
        observers.ClearExpired();
        await Store();
    }

    public async ValueTask Unsubscribe(IComplaintEventObserver observer)
    {
        observers.Unsubscribe(observer);
        await Store();
    }

    public ValueTask Publish(ComplaintEvent complaintEvent)
    {
        observers.Notify(observer => observer.OnComplaintEvent(complaintEvent));
        return ValueTask.CompletedTask;
    }

    private async Task Store()
    {
        var current = observers.Observers.Values.ToList();
        if (current.Count != state.State.Subscribers.Count || !current.All(state.State.Subscribers.Contains))
        {
            state.State.Subscribers = current;
            await state.WriteStateAsync();
        }
    }
}
