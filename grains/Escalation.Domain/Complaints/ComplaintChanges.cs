using Escalation.Analytics;
using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>Which other parties must learn of a change: the team (who holds the complaint, whether it is open) and the customer (whether it is open).</summary>
[Flags]
public enum ComplaintSync
{
    None = 0,
    Team = 1,
    Customer = 2,
}

/// <summary>
/// What an action did to a complaint, for the host to carry out: the live events to publish, the alerts raised (in
/// the order they fell due), the analytics facts, and whom to tell.
/// </summary>
public sealed class ComplaintChanges
{
    public List<ComplaintEventKind> Events { get; } = [];

    public List<SlaAlert> Alerts { get; } = [];

    public List<ComplaintFact> Facts { get; } = [];

    public ComplaintSync Sync { get; set; }

    /// <summary>The erasure of the complaint's personal data, if any: the host applies it to the timeline pages it sealed away too.</summary>
    public TimelineErasure? Erasure { get; set; }

    /// <summary>The delivery attempts to make once the change is stored.</summary>
    public List<OutboundDelivery> Deliveries { get; } = [];

    /// <summary>The deliveries given up (<see cref="DeliveryOutcome.Reason"/> says why): their assignee and supervisors are told.</summary>
    public List<DeliveryOutcome> DeliveryFailures { get; } = [];

    /// <summary>Set when the complaint must go to another agent of its team (<see cref="Complaint.Reassign"/>), and why.</summary>
    public AssignmentCause? Reassign { get; set; }

    /// <summary>Whether the outbox changed without anything to tell (a failed attempt's next one scheduled).</summary>
    public bool OutboxChanged { get; set; }

    /// <summary>Whether the state changed and must be stored.</summary>
    public bool Changed => Events.Count > 0 || Alerts.Count > 0 || Deliveries.Count > 0 || OutboxChanged || Reassign is not null;

    public static ComplaintChanges Of(params ComplaintEventKind[] events)
    {
        var changes = new ComplaintChanges();
        changes.Events.AddRange(events);
        return changes;
    }
}
