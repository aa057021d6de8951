using Orleans.Concurrency;

namespace Escalation.Events;

/// <summary>
/// One channel of complaint events (key: 0 to <see cref="EventChannels.Count"/> - 1; a team's events all go through
/// <see cref="EventChannels.Of"/>), so that no single grain carries every event of the cluster and more silos carry
/// more. Subscriptions are leases: a subscriber renews within <c>SubscriptionLifetime</c> or is dropped. Each renewal
/// says how far the subscriber got and receives the recent events it missed; when that reaches further back than the
/// channel keeps, the answer says so (<see cref="EventSubscription.Gap"/>) and the subscriber must resynchronise.
/// </summary>
public interface IComplaintEventsGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Subscribes or renews. <paramref name="seen"/> is the position up to which the subscriber has every event of this
    /// channel (null for a new subscriber, which gets nothing replayed); returns the current position and the recent
    /// events after <paramref name="seen"/>, oldest first.
    /// </summary>
    ValueTask<EventSubscription> Subscribe(IComplaintEventObserver observer, EventPosition? seen);

    ValueTask Unsubscribe(IComplaintEventObserver observer);

    /// <summary>The events of one change of one complaint, in order.</summary>
    [OneWay]
    ValueTask Publish(IReadOnlyList<ComplaintEvent> events);

    /// <summary>Rare and also kept in the improvement log, so it is not replayed.</summary>
    [OneWay]
    ValueTask PublishImprovementOverdue(Improvements.ImprovementEvent improvementEvent);
}

/// <summary>How events are spread over channels. The count is part of the deployment: silos and api instances share it.</summary>
public static class EventChannels
{
    public const int Count = 8;

    /// <summary>The team's channel: a hash that every process computes alike (string.GetHashCode differs per process).</summary>
    public static int Of(string team)
    {
        var hash = 2166136261u;
        foreach (var c in team)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % Count);
    }
}
