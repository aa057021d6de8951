using Escalation.Analytics;
using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// A complaint's SLA clocks on its terms: started, stopped (recording each deadline met or missed), paused while
/// waiting for the customer, and the alerts they raise as their instants pass.
/// </summary>
internal sealed class ComplaintDeadlines(Guid id, ComplaintState state)
{
    private readonly ComplaintChain chain = new(state);

    /// <summary>The earliest instant at which a clock raises an alert, or null when none will (as things stand).</summary>
    public DateTimeOffset? NextAlertAt => state.Clocks.Min(clock => clock.NextAlertAt);

    public void Start(SlaClockKind kind, DateTimeOffset at)
    {
        state.Clocks.RemoveAll(clock => clock.Kind == kind);
        state.Clocks.Add(SlaClock.Start(kind, state.Terms!, at));
    }

    /// <summary>
    /// Stops the running clocks of the kinds; each deadline not already missed is recorded as met, or missed if late, and
    /// a missed one as answered now.
    /// </summary>
    public void Stop(DateTimeOffset now, ComplaintChanges changes, params SlaClockKind[] kinds)
    {
        foreach (var clock in state.Clocks.Where(clock => clock.IsRunning && kinds.Contains(clock.Kind)))
        {
            clock.Stop(now);
            var met = clock.EscalatedAt is null && (clock.DueAt is not { } due || now <= due);
            if (clock.EscalatedAt is null)
            {
                changes.Facts.Add(state.Fact(FactKind.DeadlineDue, clock.DueAt ?? now, id) with { Reason = clock.Kind, Met = met });
            }

            if (!met)
            {
                changes.Facts.Add(state.Fact(FactKind.Answered, now, id) with { Reason = clock.Kind, DueAt = clock.DueAt });
            }
        }
    }

    public void Pause(DateTimeOffset now) => state.Clocks.ForEach(clock => clock.Pause(now, state.Terms!.Calendar));

    public void Resume(DateTimeOffset now) => state.Clocks.ForEach(clock => clock.Resume(now, state.Terms!.Calendar));

    /// <summary>
    /// Raises every alert due at <paramref name="now"/>, each once, with its facts and the level of the chain it is;
    /// warnings go on the timeline here, and what a level does to the complaint is done (<see cref="ComplaintChain"/>).
    /// </summary>
    public void RaiseDue(DateTimeOffset now, ComplaintChanges changes)
    {
        foreach (var clock in state.Clocks)
        {
            while (clock.TakeDueAlert(now) is { } due)
            {
                var alert = due.Level > 0 ? due with { Step = state.Terms!.Escalation.Levels.ElementAtOrDefault(due.Level - 1) } : due;
                changes.Alerts.Add(alert);
                state.EscalationLevel = Math.Max(state.EscalationLevel, alert.Level);
                if (alert.Level == 1)
                {
                    changes.Facts.Add(state.Fact(FactKind.DeadlineDue, alert.DueAt, id) with { Reason = alert.Reason, Met = false });
                }

                if (alert.Level > 0)
                {
                    changes.Facts.Add(state.Fact(FactKind.Escalated, now, id) with { Reason = alert.Reason, Level = alert.Level });
                    chain.Escalated(alert, now, changes);
                }
                else
                {
                    state.Timeline.Add(new TimelineEntry(now, TimelineType.SlaWarning, Complaint.System, Reason: alert.Reason, DueAt: alert.DueAt));
                }
            }
        }
    }
}
