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
    string? ExternalId = null)
{
    /// <summary>The entry with its text (if any) replaced by the erasure mark; who, what and when stay.</summary>
    public TimelineEntry Erased() => Text is null or Erasure.Mark ? this : this with { Text = Erasure.Mark };
}
