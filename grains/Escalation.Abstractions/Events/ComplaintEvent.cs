using Escalation.Complaints;
using Escalation.Sla;

namespace Escalation.Events;

/// <summary>
/// A change pushed to consoles. <see cref="Reason"/> and <see cref="DueAt"/> are set on warnings and
/// escalations (for level 2, <see cref="DueAt"/> is the missed acknowledgement deadline); <see cref="Level"/>
/// on escalations. <see cref="Position"/> is stamped by the events grain as it publishes. A delivery failure carries
/// the <see cref="DeliveryId"/> and why (<see cref="Failure"/>). An escalation goes to exactly its <see cref="Recipients"/>.
/// <see cref="TraceParent"/> is the W3C trace context of the change that caused it, when that was traced; it is never
/// sent to consoles.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ComplaintEvent(
    [property: Id(0)] ComplaintEventKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] ComplaintSummary Complaint,
    [property: Id(3)] SlaClockKind? Reason = null,
    [property: Id(4)] DateTimeOffset? DueAt = null,
    [property: Id(5)] int? Level = null,
    [property: Id(6)] EventPosition? Position = null,
    [property: Id(7)] Guid? DeliveryId = null,
    [property: Id(8)] string? Failure = null,
    [property: Id(9)] IReadOnlyList<string>? Recipients = null,
    [property: Id(10)] string? TraceParent = null);
