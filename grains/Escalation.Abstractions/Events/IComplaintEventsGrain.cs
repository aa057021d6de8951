using Orleans.Concurrency;

namespace Escalation.Events;

/// <summary>
/// The one channel by which grains publish complaint events to subscribers (key 0). Subscriptions are
/// leases: a subscriber renews within <c>SubscriptionLifetime</c> or is dropped.
/// </summary>
public interface IComplaintEventsGrain : IGrainWithIntegerKey
{
    ValueTask Subscribe(IComplaintEventObserver observer);

    ValueTask Unsubscribe(IComplaintEventObserver observer);

    [OneWay]
    ValueTask Publish(ComplaintEvent complaintEvent);
}
