using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Analytics;

public enum FactKind
{
    /// <summary>
    /// A complaint was written (at its createdAt), with its topic, reach, and when the customer is persistently
    /// dissatisfied their <see cref="Complaints.CustomerStanding.Key"/>.
    /// </summary>
    Created,

    /// <summary>The first response, <see cref="ComplaintFact.Seconds"/> after createdAt.</summary>
    FirstResponse,

    /// <summary>A resolution, <see cref="ComplaintFact.Seconds"/> after createdAt.</summary>
    Resolved,

    /// <summary>A deadline fell due (at its due time) and was met or missed.</summary>
    DeadlineDue,

    /// <summary>An escalation at <see cref="ComplaintFact.Level"/>.</summary>
    Escalated,

    /// <summary>A missed deadline (<see cref="ComplaintFact.DueAt"/>) was answered at last, or became moot by a resolution.</summary>
    Answered,
}

/// <summary>
/// One thing that happened to a complaint, recorded as it happens for the analytics of its team and day, with what the
/// SLA reports group by: the assignee, channel, priority and topic at the time. <see cref="Team"/> is set by the reader
/// from the bucket the fact was kept in.
/// </summary>
public sealed record ComplaintFact(
    FactKind Kind,
    DateTimeOffset At,
    Guid ComplaintId,
    Topic? Topic = null,
    bool? Public = null,
    string? PersistentCustomer = null,
    double? Seconds = null,
    SlaClockKind? Reason = null,
    bool? Met = null,
    int? Level = null,
    string? Assignee = null,
    string? Channel = null,
    Priority? Priority = null,
    DateTimeOffset? DueAt = null,
    string? Team = null)
{
    /// <summary>The key of the analytics grain that keeps the facts of a team's UTC day.</summary>
    public static string Bucket(string team, DateTimeOffset instant) => $"{team}/{instant.UtcDateTime:yyyy-MM-dd}";
}
