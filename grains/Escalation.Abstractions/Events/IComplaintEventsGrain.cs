using Orleans.Concurrency;

namespace Escalation.Events;

/// <summary>
/// The one channel by which grains publish complaint events to subscribers (key 0). Subscriptions are leases: a
/// subscriber renews within <c>SubscriptionLifetime</c> or is dropped. Each renewal says how far the subscriber got
/// and receives the recent events it missed (while it or the cluster was unreachable), so that a short outage
/// loses no alert.
/// </summary>
public interface IComplaintEventsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Subscribes or renews. <paramref name="seen"/> is the position up to which the subscriber has every event (null
    /// for a new subscriber, which gets nothing replayed); returns the current position and the recent events after
    /// <paramref name="seen"/>, oldest first.
    /// </summary>
    ValueTask<EventSubscription> Subscribe(IComplaintEventObserver observer, EventPosition? seen);

    ValueTask Unsubscribe(IComplaintEventObserver observer);

    [OneWay]
    ValueTask Publish(ComplaintEvent complaintEvent);

    /// <summary>Rare and also kept in the improvement log, so it is not replayed.</summary>
    [OneWay]
    ValueTask PublishImprovementOverdue(Improvements.ImprovementEvent improvementEvent);
}
