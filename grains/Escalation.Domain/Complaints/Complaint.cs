using Escalation.Analytics;
using Escalation.Sla;

namespace Escalation.Complaints;

/// <summary>
/// One complaint's rules: its status machine, SLA clocks and alerts, and audit timeline. Every action takes the time
/// it happens at, changes the state, and returns what the host must do about it (<see cref="ComplaintChanges"/>);
/// an action the status does not allow throws <see cref="TransitionNotAllowedException"/> and changes nothing.
/// </summary>
public sealed class Complaint(Guid id, ComplaintState state, TimeSpan autoCloseAfter, TimeSpan? keepClosedTexts = null, TimeSpan? giveUpDeliveriesAfter = null)
{
    public const string System = "system";

    private static readonly ComplaintStatus[] Open =
        [ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.Responded, ComplaintStatus.WaitingForCustomer];

    public Guid Id => id;

    private readonly ComplaintChain chain = new(state);

    private readonly ComplaintDeadlines deadlines = new(id, state);

    private readonly ComplaintAfterlife afterlife = new(state, autoCloseAfter, keepClosedTexts);

    private readonly ComplaintOutbox outbox = new(id, state, giveUpDeliveriesAfter ?? ComplaintOutbox.GiveUpAfter);

    /// <summary>The responses on their way to the channel: what their attempts came to, and retries.</summary>
    public ComplaintOutbox Outbox => outbox;

    public ComplaintState State => state;

    public bool Exists => state.Origin is not null;

    /// <summary>The instant SLA clocks start from: when the customer wrote, unless that is unknown or claims the future.</summary>
    public static DateTimeOffset WrittenAt(DateTimeOffset? written, DateTimeOffset now) => written is { } at && at < now ? at : now;

    /// <summary>The next instant at which <see cref="Tick"/> has something to do, or null when nothing is pending.</summary>
    public DateTimeOffset? NextAlertAt => new[] { deadlines.NextAlertAt, chain.NoReplyDueAt, afterlife.NextAt, outbox.NextAt }.Min();

    public ComplaintChanges Create(NewComplaint complaint, Triaged triage, SlaTerms terms, string? assignee, DateTimeOffset now)
    {
        var createdAt = WrittenAt(complaint.CreatedAt, now);
        state.Origin = complaint;
        state.Priority = triage.Priority;
        state.PriorityReasons = [.. triage.PriorityReasons];
        state.Language = triage.Language.Value;
        state.Topic = triage.Topic.Value;
        state.TriageEvidence = [$"language: {string.Join(", ", triage.Language.Evidence)}", $"topic: {string.Join(", ", triage.Topic.Evidence)}"];
        state.CreatedAt = createdAt;
        state.ReceivedAt = now;
        state.Terms = terms;
        deadlines.Start(SlaClockKind.FirstResponse, createdAt);
        deadlines.Start(SlaClockKind.Resolution, createdAt);
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Created, complaint.Customer.Id, Public: complaint.Public));
        var changes = ComplaintChanges.Of(ComplaintEventKind.ComplaintCreated);
        changes.Facts.Add(state.Fact(FactKind.Created, createdAt, id) with
        {
            Public = complaint.Public, PersistentCustomer = triage.Standing.PersistentDissatisfaction ? triage.Standing.Key : null,
        });
        if (assignee is not null)
        {
            AssignTo(assignee, System, now, changes);
            changes.Sync = ComplaintSync.None; // the team counted it as it chose the assignee
        }

        return changes;
    }

    public ComplaintChanges Assign(string agent, string actor, DateTimeOffset now)
    {
        Require("assign", Open);
        var changes = new ComplaintChanges();
        if (agent != state.Assignee)
        {
            AssignTo(agent, actor, now, changes);
        }

        return changes;
    }

    /// <summary>Answers the customer; with a <paramref name="deliveryId"/> the response goes out to the channel too (<see cref="ComplaintOutbox"/>).</summary>
    public ComplaintChanges Respond(string text, bool isPublic, string actor, DateTimeOffset now, Guid? deliveryId = null)
    {
        Require("respond to", Open);
        var changes = new ComplaintChanges();
        if (state.Assignee is null)
        {
            AssignTo(actor, actor, now, changes);
        }

        outbox.AddResponse(new TimelineEntry(now, TimelineType.Responded, actor, Text: text, Public: isPublic), deliveryId);
        state.AnsweredSinceAssigned = true;
        if (state.Clock(SlaClockKind.FirstResponse) is { IsRunning: true })
        {
            changes.Facts.Add(state.Fact(FactKind.FirstResponse, now, id) with { Seconds = (now - state.CreatedAt).TotalSeconds });
        }

        deadlines.Stop(now, changes, SlaClockKind.FirstResponse, SlaClockKind.NextResponse);
        if (state.Status != ComplaintStatus.WaitingForCustomer)
        {
            state.Status = ComplaintStatus.Responded;
        }

        changes.Events.Add(ComplaintEventKind.ComplaintUpdated);
        return changes;
    }

    public ComplaintChanges AddNote(string text, string actor, DateTimeOffset now)
    {
        Require("add a note to", Enum.GetValues<ComplaintStatus>());
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Note, actor, Text: text));
        return ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
    }

    public ComplaintChanges WaitForCustomer(string actor, DateTimeOffset now)
    {
        Require("wait for the customer on", ComplaintStatus.Assigned, ComplaintStatus.Responded);
        deadlines.Pause(now);
        state.StatusBeforeWait = state.Status;
        state.Status = ComplaintStatus.WaitingForCustomer;
        state.Timeline.Add(new TimelineEntry(now, TimelineType.WaitingForCustomer, actor));
        return ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
    }

    public ComplaintChanges Resume(string actor, DateTimeOffset now)
    {
        Require("resume", ComplaintStatus.WaitingForCustomer);
        EndWait(actor, now);
        return ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
    }

    public ComplaintChanges Resolve(string? note, string actor, DateTimeOffset now)
    {
        Require("resolve", Open);
        var changes = ComplaintChanges.Of(ComplaintEventKind.ComplaintResolved);
        deadlines.Stop(now, changes, Enum.GetValues<SlaClockKind>());
        changes.Facts.Add(state.Fact(FactKind.Resolved, now, id) with { Seconds = (now - state.CreatedAt).TotalSeconds });
        state.Status = ComplaintStatus.Resolved;
        state.ResolvedAt = now;
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Resolved, actor, Text: note));
        changes.Sync = ComplaintSync.Team | ComplaintSync.Customer;
        return changes;
    }

    public ComplaintChanges Reopen(string actor, DateTimeOffset now)
    {
        Require("reopen", ComplaintStatus.Resolved);
        var changes = ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
        ReopenResolved(actor, now, changes);
        deadlines.Start(SlaClockKind.NextResponse, now);
        return changes;
    }

    public ComplaintChanges AcknowledgeEscalation(string actor, DateTimeOffset now)
    {
        Require("acknowledge an escalation of", Open);
        if (!state.Clocks.Select(clock => clock.Acknowledge()).ToList().Contains(true))
        {
            throw new TransitionNotAllowedException("The complaint has no unacknowledged escalation.");
        }

        state.Timeline.Add(new TimelineEntry(now, TimelineType.EscalationAcknowledged, actor, Level: state.EscalationLevel));
        return ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
    }

    /// <summary>
    /// A follow-up from the customer: starts the next-response clock, ends a wait for the customer and reopens a
    /// resolved complaint; a message received before changes nothing. A closed complaint refuses it.
    /// </summary>
    public ComplaintChanges AddCustomerMessage(CustomerMessage message, DateTimeOffset now)
    {
        if (state.Timeline.Exists(entry => entry.Type == TimelineType.CustomerMessage && entry.ExternalId == message.ExternalId))
        {
            return new ComplaintChanges();
        }

        Require("add a customer message to", [.. Open, ComplaintStatus.Resolved]);
        var changes = ComplaintChanges.Of(ComplaintEventKind.ComplaintUpdated);
        var actor = state.Origin!.Customer.Id;
        state.Timeline.Add(new TimelineEntry(now, TimelineType.CustomerMessage, actor, Text: message.Text, ExternalId: message.ExternalId));
        if (state.Status == ComplaintStatus.Resolved)
        {
            ReopenResolved(actor, now, changes);
        }
        else if (state.Status == ComplaintStatus.WaitingForCustomer)
        {
            EndWait(actor, now);
        }

        // Before the first answer the first-response deadline covers every message; after it, the oldest
        // unanswered message sets the next-response deadline.
        if (state.Clock(SlaClockKind.FirstResponse) is { IsRunning: false } && state.Clock(SlaClockKind.NextResponse) is not { IsRunning: true })
        {
            deadlines.Start(SlaClockKind.NextResponse, WrittenAt(message.CreatedAt, now));
        }

        return changes;
    }

    /// <summary>
    /// Raises every alert due at <paramref name="now"/> (each once, whenever it is asked), what comes after resolving
    /// (<see cref="ComplaintAfterlife"/>) and the delivery attempts due (<see cref="ComplaintOutbox"/>). Escalations are
    /// recorded on the timeline by <see cref="Notified"/> once the host knows whom they reached.
    /// </summary>
    public void Tick(DateTimeOffset now, ComplaintChanges changes)
    {
        deadlines.RaiseDue(now, changes);
        chain.Tick(now, changes);
        afterlife.Tick(now, changes);
        outbox.Tick(now, changes);
    }

    /// <summary>Erases the personal data in any status (<see cref="ComplaintAfterlife.Erase"/>); responses on their way stay undelivered.</summary>
    public ComplaintChanges Erase(string actor, string pseudonym, DateTimeOffset now)
    {
        outbox.Drop();
        return afterlife.Erase(actor, pseudonym, now);
    }

    /// <summary>
    /// Moves the complaint to <paramref name="agent"/> (null: the team queue) because <see cref="Tick"/> asked for it
    /// (<see cref="ComplaintChanges.Reassign"/>): the host chose the agent.
    /// </summary>
    public void Reassign(string? agent, AssignmentCause cause, DateTimeOffset now, ComplaintChanges changes)
    {
        changes.Reassign = null;
        if (state.IsOpen && agent != state.Assignee)
        {
            AssignTo(agent, System, now, changes, cause);
        }
    }

    /// <summary>Records on the timeline that an escalation <see cref="Tick"/> raised reached its <see cref="SlaAlert.Recipients"/>.</summary>
    public void Notified(SlaAlert escalation, DateTimeOffset now) =>
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Escalated, System, Level: escalation.Level, Reason: escalation.Reason,
            DueAt: escalation.DueAt, NotifiedUsers: escalation.Recipients));

    private void Require(string action, params ComplaintStatus[] allowed)
    {
        if (Array.IndexOf(allowed, state.Status) < 0)
        {
            var status = state.Status.ToString();
            throw new TransitionNotAllowedException($"Cannot {action} a complaint that is {char.ToLowerInvariant(status[0])}{status[1..]}.");
        }
    }

    private void AssignTo(string? agent, string actor, DateTimeOffset now, ComplaintChanges changes, AssignmentCause? cause = null)
    {
        state.Assignee = agent;
        state.AssignedAt = now;
        state.AnsweredSinceAssigned = false;
        state.Status = (state.Status, agent) switch
        {
            (ComplaintStatus.New, not null) => ComplaintStatus.Assigned,
            (ComplaintStatus.Assigned, null) => ComplaintStatus.New,
            _ => state.Status,
        };

        state.Timeline.Add(new TimelineEntry(now, TimelineType.Assigned, actor, Agent: agent, Cause: cause));
        changes.Events.Add(ComplaintEventKind.ComplaintAssigned);
        changes.Sync |= ComplaintSync.Team;
    }

    private void EndWait(string actor, DateTimeOffset now)
    {
        deadlines.Resume(now);
        state.Status = state.StatusBeforeWait;
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Resumed, actor));
    }

    private void ReopenResolved(string actor, DateTimeOffset now, ComplaintChanges changes)
    {
        state.Status = state.Assignee is null ? ComplaintStatus.New : ComplaintStatus.Assigned;
        state.ResolvedAt = null;
        deadlines.Start(SlaClockKind.Resolution, now);
        state.Timeline.Add(new TimelineEntry(now, TimelineType.Reopened, actor));
        changes.Sync |= ComplaintSync.Team | ComplaintSync.Customer;
    }
}
