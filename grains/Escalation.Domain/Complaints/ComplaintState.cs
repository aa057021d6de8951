using Escalation.Analytics;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Complaints;

/// <summary>
/// Everything a complaint keeps: plain data, changed only by <see cref="Complaint"/> (and, for
/// <see cref="WakeAt"/>, by the host that wakes it).
/// </summary>
public sealed class ComplaintState
{
    /// <summary>Null until the complaint is created.</summary>
    public NewComplaint? Origin { get; set; }

    public ComplaintStatus Status { get; set; }

    public ComplaintStatus StatusBeforeWait { get; set; }

    public string? Assignee { get; set; }

    public Priority Priority { get; set; }

    public List<string> PriorityReasons { get; set; } = [];

    public string Language { get; set; } = "unknown";

    public Topic Topic { get; set; } = Topic.Other;

    public List<string> TriageEvidence { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public SlaTerms? Terms { get; set; }

    /// <summary>At most one clock per kind: a new next-response or resolution clock replaces the stopped one.</summary>
    public List<SlaClock> Clocks { get; set; } = [];

    public int EscalationLevel { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>When the assignee got the complaint, and whether it was answered since (for the chain's reassignAfter).</summary>
    public DateTimeOffset? AssignedAt { get; set; }

    public bool AnsweredSinceAssigned { get; set; }

    /// <summary>The assignees the complaint was taken from for not answering: each loses it that way once.</summary>
    public List<string> NoReplyFrom { get; set; } = [];

    /// <summary>
    /// The timeline's latest entries: the host seals older ones away in pages (<see cref="TimelinePages"/>) so that a
    /// long conversation is never rewritten whole; the rules only ever look at recent entries.
    /// </summary>
    public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>How many pages of older timeline entries the host sealed away, oldest first.</summary>
    public int TimelinePages { get; set; }

    /// <summary>
    /// For a customer's follow-up that joined another complaint: that complaint, and its customer. The follow-up's own id
    /// then holds no complaint; it only remembers where the message went.
    /// </summary>
    public ComplaintThread? JoinedTo { get; set; }

    /// <summary>The responses on their way to the customer's channel (<see cref="ComplaintOutbox"/>).</summary>
    public List<PendingDelivery> Outbox { get; set; } = [];

    /// <summary>The instant the host has arranged to wake the complaint at (null: none arranged).</summary>
    public DateTimeOffset? WakeAt { get; set; }

    public bool IsOpen => Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);

    public SlaClock? Clock(SlaClockKind kind) => Clocks.Find(c => c.Kind == kind);

    /// <summary>A fact about this complaint, with what the SLA reports group it by as things stand.</summary>
    public ComplaintFact Fact(FactKind kind, DateTimeOffset at, Guid id) =>
        new(kind, at, id, Topic, Assignee: Assignee, Channel: Origin?.Channel, Priority: Priority);
}

/// <summary>The complaint a connector message belongs to, and whose it is.</summary>
public sealed record ComplaintThread(Guid ComplaintId, string CustomerId);
