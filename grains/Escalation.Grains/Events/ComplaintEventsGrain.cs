using Escalation.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace Escalation.Grains.Events;

/// <summary>
/// Fans complaint events out to the subscribed api instances, each of which pushes them to its own SignalR
/// connections. It keeps the events of the last <see cref="EscalationOptions.EventReplayWindow"/> in memory and
/// replays them to a subscriber that renews after missing some, also to one that last saw an earlier activation
/// (the whole cluster restarted): delivery to a client is one-way and silently lost while it is disconnected.
/// </summary>
public sealed class ComplaintEventsGrain(IGrainRuntime runtime, IOptions<EscalationOptions> options, ILogger<ComplaintEventsGrain> logger)
    : Grain, IComplaintEventsGrain
{
    private const int MaxReplayed = 10_000;
    private readonly ObserverManager<IComplaintEventObserver> observers = new(options.Value.SubscriptionLifetime, logger);
    private readonly Queue<(DateTimeOffset At, ComplaintEvent Event)> recent = new();
    private readonly Guid epoch = Guid.NewGuid();
    private long sequence;

    public ValueTask<EventSubscription> Subscribe(IComplaintEventObserver observer, EventPosition? seen)
    {
        observers.Subscribe(observer, observer);
        Forget();
        IReadOnlyList<ComplaintEvent> missed = seen is null ? []
            : [.. recent.Select(entry => entry.Event).Where(e => seen.Epoch != epoch || e.Position!.Sequence > seen.Sequence)];
        return ValueTask.FromResult(new EventSubscription(new EventPosition(epoch, sequence), missed));
    }

    public ValueTask Unsubscribe(IComplaintEventObserver observer)
    {
        observers.Unsubscribe(observer);
        return ValueTask.CompletedTask;
    }

    public ValueTask Publish(ComplaintEvent complaintEvent)
    {
        var stamped = complaintEvent with { Position = new EventPosition(epoch, ++sequence) };
        recent.Enqueue((runtime.TimeProvider.GetUtcNow(), stamped));
        Forget();
        observers.Notify(observer => observer.OnComplaintEvent(stamped));
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
