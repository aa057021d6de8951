using Escalation.Complaints;
using Escalation.Events;
using Escalation.Improvements;
using Escalation.Tests.Shared;

namespace Escalation.Tests.Cluster;

/// <summary>Collects the complaint events the cluster publishes and lets a test await the one it expects.</summary>
public sealed class EventRecorder : IComplaintEventObserver
{
    private readonly EventLog<ComplaintEvent> log = new();
    private readonly EventLog<ImprovementEvent> overdue = new();

    public void OnComplaintEvents(IReadOnlyList<ComplaintEvent> events)
    {
        foreach (var complaintEvent in events)
        {
            log.Add(complaintEvent);
        }
    }

    public void OnImprovementOverdue(ImprovementEvent improvementEvent) => overdue.Add(improvementEvent);

    public Task<ImprovementEvent> WaitForOverdue(Guid improvementId) => overdue.WaitFor(e => e.Improvement.Id == improvementId);

    /// <summary>Every event received so far for one complaint, in arrival order.</summary>
    public IReadOnlyList<ComplaintEvent> For(Guid complaintId) => log.Where(e => e.Complaint.Id == complaintId);

    /// <summary>The first event for the complaint matching <paramref name="match"/>, received already or awaited.</summary>
    public Task<ComplaintEvent> WaitFor(Guid complaintId, ComplaintEventKind kind, Func<ComplaintEvent, bool>? match = null) =>
        log.WaitFor(e => e.Complaint.Id == complaintId && e.Kind == kind && (match?.Invoke(e) ?? true));
}
