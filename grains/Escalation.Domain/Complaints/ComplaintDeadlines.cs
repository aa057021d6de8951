using Escalation.Analytics;
using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// A complaint's SLA clocks on its terms: started, stopped (recording each deadline met or missed), paused while
/// waiting for the customer, and the alerts they raise as their instants pass.
/// </summary>
internal sealed class ComplaintDeadlines(Guid id, ComplaintState state)
{
    /// <summary>The earliest instant at which a clock raises an alert, or null when none will (as things stand).</summary>
    public DateTimeOffset? NextAlertAt => state.Clocks.Min(clock => clock.NextAlertAt);

    public void Start(SlaClockKind kind, DateTimeOffset at)
    {
        state.Clocks.RemoveAll(clock => clock.Kind == kind);
        state.Clocks.Add(SlaClock.Start(kind, state.Terms!.Policy, state.Terms.Calendar, at));
    }

    /// <summary>Stops the running clocks of the kinds; each deadline not already missed is recorded as met, or missed if late.</summary>
    public void Stop(DateTimeOffset now, ComplaintChanges changes, params SlaClockKind[] kinds)
    {
        foreach (var clock in state.Clocks.Where(clock => clock.IsRunning && kinds.Contains(clock.Kind)))
        {
            clock.Stop(now);
            if (clock.EscalatedAt is null)
            {
                changes.Facts.Add(new ComplaintFact(FactKind.DeadlineDue, clock.DueAt ?? now, id, Reason: clock.Kind,
                    Met: clock.DueAt is not { } due || now <= due));
            }
        }
    }

    public void Pause(DateTimeOffset now) => state.Clocks.ForEach(clock => clock.Pause(now, state.Terms!.Calendar));

    public void Resume(DateTimeOffset now) => state.Clocks.ForEach(clock => clock.Resume(now, state.Terms!.Calendar));

    /// <summary>Raises every alert due at <paramref name="now"/>, each once, with its facts; warnings go on the timeline here.</summary>
    public void RaiseDue(DateTimeOffset now, ComplaintChanges changes)
    {
        foreach (var clock in state.Clocks)
        {
            while (clock.TakeDueAlert(now) is { } alert)
            {
                changes.Alerts.Add(alert);
                state.EscalationLevel = Math.Max(state.EscalationLevel, alert.Level);
                if (alert.Level == 1)
                {
                    changes.Facts.Add(new ComplaintFact(FactKind.DeadlineDue, alert.DueAt, id, Reason: alert.Reason, Met: false));
                }

                if (alert.Level > 0)
                {
                    changes.Facts.Add(new ComplaintFact(FactKind.Escalated, now, id, Reason: alert.Reason, Level: alert.Level));
                }
                else
                {
                    state.Timeline.Add(new TimelineEntry(now, TimelineType.SlaWarning, Complaint.System, Reason: alert.Reason, DueAt: alert.DueAt));
                }
            }
        }
    }
}
