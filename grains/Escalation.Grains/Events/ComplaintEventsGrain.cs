using Escalation.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Escalation.Grains.Events;

/// <summary>
/// Fans complaint events out to the subscribed api instances, each of which pushes them to its own SignalR
/// connections. Subscriptions are leases that the api renews.
/// </summary>
public sealed class ComplaintEventsGrain(IOptions<EscalationOptions> options, ILogger<ComplaintEventsGrain> logger)
    : Grain, IComplaintEventsGrain
{
    private readonly ObserverManager<IComplaintEventObserver> observers = new(options.Value.SubscriptionLifetime, logger);

    public ValueTask Subscribe(IComplaintEventObserver observer)
    {
        observers.Subscribe(observer, observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask Unsubscribe(IComplaintEventObserver observer)
    {
        observers.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask Publish(ComplaintEvent complaintEvent)
    {
        observers.Notify(observer => observer.OnComplaintEvent(complaintEvent));
        return ValueTask.CompletedTask;
    }
}
