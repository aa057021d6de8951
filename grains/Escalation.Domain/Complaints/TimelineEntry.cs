using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>One audited event of a complaint: when, who, what. Fields that do not apply to a type are null.</summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineType Type,
    string Actor,
    string? Text = null,
    bool? Public = null,
    string? Agent = null,
    int? Level = null,
    SlaClockKind? Reason = null,
    DateTimeOffset? DueAt = null,
    IReadOnlyList<string>? NotifiedUsers = null,
    string? ExternalId = null,
    Guid? DeliveryId = null,
    DeliveryState? Delivery = null,
    string? Url = null);
