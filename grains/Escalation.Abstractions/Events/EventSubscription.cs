namespace Escalation.Events;

/// <summary>A (renewed) subscription: the position of the latest event published, and the events the subscriber missed.</summary>
[GenerateSerializer, Immutable]
public sealed record EventSubscription(
    [property: Id(0)] EventPosition Current,
    [property: Id(1)] IReadOnlyList<ComplaintEvent> Missed);
