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
            var customer = state.Origin!.Customer.Id;
            changes.Erasure = Apply(new TimelineErasure(customer, customer), Complaint.System, now);
        }

        changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
    }

    /// <summary>
    /// Replaces the complaint's texts (its own, the customer's messages, responses and notes), the customer's name (and drops their e-mail and phone),
    /// the post's address and the triage evidence (words of the text), puts <paramref name="pseudonym"/> where the
    /// customer's id was, and records the erasure on the timeline; nothing changes when the texts were erased last and
    /// the id is already the pseudonym. Entries the host sealed away (<see cref="ComplaintState.TimelinePages"/>) it
    /// erases itself (<see cref="ComplaintChanges.Erasure"/>).
    /// </summary>
    public ComplaintChanges Erase(string actor, string pseudonym, DateTimeOffset now)
    {
        var changes = new ComplaintChanges();
        var erasure = new TimelineErasure(state.Origin!.Customer.Id, pseudonym);
        if (state.Timeline[^1].Type != TimelineType.Erased || erasure.Renames)
        {
            changes.Erasure = Apply(erasure, actor, now);
            changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
        }

        return changes;
    }

    private TimelineErasure Apply(TimelineErasure erasure, string actor, DateTimeOffset now)
    {
        var origin = state.Origin!;
        state.Origin = origin with
        {
            Text = Erasure.Mark,
            Url = null,
            Attachments = null,
            Customer = new CustomerRef(erasure.Pseudonym, origin.Customer.Name is null ? null : Erasure.Mark),
        };
        state.TriageEvidence = [];
        state.Timeline = [.. state.Timeline.Select(erasure.Apply)];
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Erased, actor));
        return erasure;
    }
}
