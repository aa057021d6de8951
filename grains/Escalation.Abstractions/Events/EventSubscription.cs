namespace Escalation.Events;

/// <summary>
/// A (renewed) subscription: the position of the latest event published, and the events the subscriber missed.
/// <see cref="Gap"/>: some it missed are no longer kept (it was away too long, or the channel restarted), so it must
/// resynchronise from the current state.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EventSubscription(
    [property: Id(0)] EventPosition Current,
    [property: Id(1)] IReadOnlyList<ComplaintEvent> Missed,
    [property: Id(2)] bool Gap = false);
