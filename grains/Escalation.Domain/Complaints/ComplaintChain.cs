using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// What a complaint's escalation chain does beyond telling people: raising the priority at a level that says so, and
/// asking the host to move the complaint to another agent (<see cref="ComplaintChanges.Reassign"/>) at such a level or
/// when the assignee left it unanswered for the chain's reassignAfter (once per assignee).
/// </summary>
internal sealed class ComplaintChain(ComplaintState state)
{
    /// <summary>When the assignee loses the complaint for not answering, or null.</summary>
    public DateTimeOffset? NoReplyDueAt =>
        state.Terms?.Escalation.ReassignAfter is { } after && state.Assignee is { } assignee && state.AssignedAt is { } since
        && !state.AnsweredSinceAssigned && state.IsOpen && state.Status != ComplaintStatus.WaitingForCustomer && !state.NoReplyFrom.Contains(assignee)
            ? since + after
            : null;

    public void Tick(DateTimeOffset now, ComplaintChanges changes)
    {
        if (NoReplyDueAt <= now)
        {
            state.NoReplyFrom.Add(state.Assignee!);
            changes.Reassign ??= AssignmentCause.NoReply;
        }
    }

    /// <summary>Carries out what an escalation level does to the complaint itself.</summary>
    public void Escalated(SlaAlert escalation, DateTimeOffset now, ComplaintChanges changes)
    {
        if (escalation.Step is not { } step)
        {
            return;
        }

        if (step.RaisePriority && state.Priority > Priority.P1)
        {
            var before = state.Priority;
            state.Priority--;
            state.Timeline.Add(new TimelineEntry(now, TimelineType.PriorityChanged, Complaint.System, Text: $"{before} → {state.Priority}", Level: escalation.Level));
            changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
        }

        if (step.Reassign)
        {
            changes.Reassign = AssignmentCause.Escalation;
        }
    }
}
