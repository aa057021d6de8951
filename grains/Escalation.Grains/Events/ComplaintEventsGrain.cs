using Escalation.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Utilities;

namespace Escalation.Grains.Events;

/// <summary>
/// One channel of complaint events, fanned out to the subscribed api instances, each of which pushes them to its own
/// SignalR connections. It keeps the events of the last <see cref="EscalationOptions.EventReplayWindow"/> (at most
/// <see cref="MaxReplayed"/>) in memory and replays them to a subscriber that renews after missing some; a subscriber
/// that missed more than that, or last saw an earlier activation (its silo died, the cluster restarted), is told of the
/// gap. Delivery to a client is one-way and silently lost while it is disconnected. The kept events are held serialized,
/// an array of bytes each: under load they outlive the young generations, and as objects (an event, its summary, their
/// strings) they were a large part of what the silo's background collections mark.
/// </summary>
public sealed class ComplaintEventsGrain(
    IGrainRuntime runtime, IOptions<EscalationOptions> options, Serializer<ComplaintEvent> serializer, ILogger<ComplaintEventsGrain> logger)
    : Grain, IComplaintEventsGrain
{
    public const int MaxReplayed = 10_000;
    private readonly ObserverManager<IComplaintEventObserver> observers = new(options.Value.SubscriptionLifetime, logger);
    private readonly Queue<(DateTimeOffset At, long Sequence, byte[] Event)> recent = new();
    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;

    public ValueTask<EventSubscription> Subscribe(IComplaintEventObserver observer, EventPosition? seen)
    {
        observers.Subscribe(observer, observer);
        Forget();
        var oldest = recent.Count > 0 ? recent.Peek().Sequence : sequence + 1;
        var current = new EventPosition(epoch, sequence);
        if (seen is null)
        {
            return ValueTask.FromResult(new EventSubscription(current, []));
        }

        // Missed what is no longer kept: events of an earlier activation, or of this one before the oldest kept.
        var gap = seen.Epoch != epoch || seen.Sequence + 1 < oldest;
        IReadOnlyList<ComplaintEvent> missed =
            [.. recent.Where(entry => seen.Epoch != epoch || entry.Sequence > seen.Sequence).Select(entry => serializer.Deserialize(entry.Event)!)];
        return ValueTask.FromResult(new EventSubscription(current, missed, gap));
    }

    public ValueTask Unsubscribe(IComplaintEventObserver observer)
    {
        observers.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask Publish(IReadOnlyList<ComplaintEvent> events)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        IReadOnlyList<ComplaintEvent> stamped = [.. events.Select(e => e with { Position = new EventPosition(epoch, ++sequence) })];
        foreach (var e in stamped)
        {
            recent.Enqueue((now, e.Position!.Sequence, serializer.SerializeToArray(e)));
        }

        Forget();
        observers.Notify(observer => observer.OnComplaintEvents(stamped));
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishImprovementOverdue(Escalation.Improvements.ImprovementEvent improvementEvent)
    {
        observers.Notify(observer => observer.OnImprovementOverdue(improvementEvent));
        return ValueTask.CompletedTask;
    }

    private void Forget()
    {
        var horizon = runtime.TimeProvider.GetUtcNow() - options.Value.EventReplayWindow;
        while (recent.Count > 0 && (recent.Peek().At < horizon || recent.Count > MaxReplayed))
        {
            recent.Dequeue();
        }
    }
}
