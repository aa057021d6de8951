using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Analytics;

public enum FactKind
{
    /// <summary>A complaint was written (at its createdAt), with its topic, reach, and the customer when persistently dissatisfied.</summary>
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
[GenerateSerializer, Immutable]
public sealed record ComplaintFact(
    [property: Id(0)] FactKind Kind,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Guid ComplaintId,
    [property: Id(3)] Topic? Topic = null,
    [property: Id(4)] bool? Public = null,
    [property: Id(5)] string? PersistentCustomerId = null,
    [property: Id(6)] double? Seconds = null,
    [property: Id(7)] SlaClockKind? Reason = null,
    [property: Id(8)] bool? Met = null,
    [property: Id(9)] int? Level = null)
{
    /// <summary>The key of the analytics grain that keeps the facts of a team's UTC day.</summary>
    public static string Bucket(string team, DateTimeOffset instant) => $"{team}/{instant.UtcDateTime:yyyy-MM-dd}";
}
