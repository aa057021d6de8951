using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>One audited event of a complaint: when, who, what. Fields that do not apply to a type are null.</summary>
[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] TimelineType Type,
    [property: Id(2)] string Actor,
    [property: Id(3)] string? Text = null,
    [property: Id(4)] bool? Public = null,
    [property: Id(5)] string? Agent = null,
    [property: Id(6)] int? Level = null,
    [property: Id(7)] SlaClockKind? Reason = null,
    [property: Id(8)] DateTimeOffset? DueAt = null,
    [property: Id(9)] IReadOnlyList<string>? NotifiedUsers = null,
    [property: Id(10)] string? ExternalId = null);
