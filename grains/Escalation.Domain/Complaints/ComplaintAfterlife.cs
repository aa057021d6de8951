namespace Escalation.Complaints;

/// <summary>
/// What happens to a complaint after it is resolved: it closes after its quiet period, and, when a retention period
/// is set, the texts of a closed complaint are erased that long after it closed. Erasing keeps the timeline's shape
/// (who did what, when), the deadlines and the counts, and replaces every text and the customer's name.
/// </summary>
internal sealed class ComplaintAfterlife(ComplaintState state, TimeSpan autoCloseAfter, TimeSpan? keepClosedTexts)
{
    /// <summary>The next instant at which the complaint closes or its texts are erased; null when neither is pending.</summary>
    public DateTimeOffset? NextAt => state.Status switch
    {
        ComplaintStatus.Resolved => state.ResolvedAt + autoCloseAfter,
        ComplaintStatus.Closed when keepClosedTexts is { } keep && state.Timeline[^1].Type != TimelineType.Erased =>
            state.ResolvedAt + autoCloseAfter + keep,
        _ => null,
    };

    public void Tick(DateTimeOffset now, ComplaintChanges changes)
    {
        if (NextAt is not { } due || due > now)
        {
            return;
        }

        if (state.Status == ComplaintStatus.Resolved)
        {
            state.Status = ComplaintStatus.Closed;
            state.Timeline.Add(new TimelineEntry(now, TimelineType.Closed, Complaint.System));
        }
        else
        {
            EraseTexts(Complaint.System, now);
            changes.Erased = true;
        }

        changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
    }

    /// <summary>
    /// Replaces the complaint's texts (its own, the customer's messages, responses and notes), the customer's name,
    /// the post's address and the triage evidence (words of the text), and records the erasure on the timeline;
    /// nothing changes when nothing was added since the last erasure. Entries the host sealed away
    /// (<see cref="ComplaintState.TimelinePages"/>) it erases itself (<see cref="ComplaintChanges.Erased"/>).
    /// </summary>
    public ComplaintChanges Erase(string actor, DateTimeOffset now)
    {
        var changes = new ComplaintChanges();
        if (EraseTexts(actor, now))
        {
            changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
            changes.Erased = true;
        }

        return changes;
    }

    private bool EraseTexts(string actor, DateTimeOffset now)
    {
        if (state.Timeline[^1].Type == TimelineType.Erased)
        {
            return false;
        }

        var origin = state.Origin!;
        state.Origin = origin with
        {
            Text = Erasure.Mark,
            Url = null,
            Customer = origin.Customer with { Name = origin.Customer.Name is null ? null : Erasure.Mark },
        };
        state.TriageEvidence = [];
        state.Timeline = [.. state.Timeline.Select(entry => entry.Erased())];
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Erased, actor));
        return true;
    }
}
