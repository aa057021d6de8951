namespace Escalation.Events;

/// <summary>
/// Where a subscriber is in the event sequence: <see cref="Epoch"/> names one activation of the events grain (a
/// cluster restart starts a new one), <see cref="Sequence"/> counts its events.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EventPosition([property: Id(0)] Guid Epoch, [property: Id(1)] long Sequence);
