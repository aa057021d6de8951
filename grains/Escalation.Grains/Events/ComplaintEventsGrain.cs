using Escalation.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Escalation.Grains.Events;

/// <summary>
/// One channel of complaint events, fanned out to the subscribed api instances, each of which pushes them to its own
/// SignalR connections. It keeps the events of the last <see cref="EscalationOptions.EventReplayWindow"/> (at most
/// <see cref="MaxReplayed"/>) in memory and replays them to a subscriber that renews after missing some; a subscriber
/// that missed more than that, or last saw an earlier activation (its silo died, the cluster restarted), is told of the
/// gap. Delivery to a client is one-way and silently lost while it is disconnected.
/// </summary>
public sealed class ComplaintEventsGrain(IGrainRuntime runtime, IOptions<EscalationOptions> options, ILogger<ComplaintEventsGrain> logger)
    : Grain, IComplaintEventsGrain
{
    public const int MaxReplayed = 10_000;
    private readonly ObserverManager<IComplaintEventObserver> observers = new(options.Value.SubscriptionLifetime, logger);
    private readonly Queue<(DateTimeOffset At, ComplaintEvent Event)> recent = new();
    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;

    public ValueTask<EventSubscription> Subscribe(IComplaintEventObserver observer, EventPosition? seen)
    {
        observers.Subscribe(observer, observer);
        Forget();
        var oldest = recent.Count > 0 ? recent.Peek().Event.Position!.Sequence : sequence + 1;
        var current = new EventPosition(epoch, sequence);
        if (seen is null)
        {
            return ValueTask.FromResult(new EventSubscription(current, []));
        }

        // Missed what is no longer kept: events of an earlier activation, or of this one before the oldest kept.
        var gap = seen.Epoch != epoch || seen.Sequence + 1 < oldest;
        IReadOnlyList<ComplaintEvent> missed = [.. recent.Select(entry => entry.Event).Where(e => seen.Epoch != epoch || e.Position!.Sequence > seen.Sequence)];
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
            recent.Enqueue((now, e));
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
