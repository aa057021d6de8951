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
}

/// <summary>One thing that happened to a complaint, recorded as it happens for the analytics of its team and day.</summary>
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
    int? Level = null)
{
    /// <summary>The key of the analytics grain that keeps the facts of a team's UTC day.</summary>
    public static string Bucket(string team, DateTimeOffset instant) => $"{team}/{instant.UtcDateTime:yyyy-MM-dd}";
}
