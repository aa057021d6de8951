using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Events;
using Escalation.Grains.Sla;
using Escalation.Sla;
using Escalation.Teams;
using Escalation.Triage;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Complaints;

/// <summary>
/// One complaint. Each pending SLA alert is armed twice (<see cref="DeadlineAlarm"/>): a grain timer fires it on
/// time while the activation lives, and a reminder wakes the grain ahead of it if the activation (or its silo) is
/// gone. Processing is idempotent, so whichever comes first fires the alert and the other finds nothing to do.
/// </summary>
public sealed class ComplaintGrain(
    [PersistentState("complaint", StorageNames.Escalation)] IPersistentState<ComplaintState> state,
    IGrainRuntime runtime,
    IOptions<EscalationOptions> options) : Grain, IComplaintGrain, IRemindable
{
    private const string ReminderName = "sla";
    private const string System = "system";
    private static readonly ComplaintStatus[] Open =
        [ComplaintStatus.New, ComplaintStatus.Assigned, ComplaintStatus.Responded, ComplaintStatus.WaitingForCustomer];

    private readonly List<ComplaintFact> facts = [];
    private DeadlineAlarm? alarm;

    private ComplaintState S => state.State;

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => runtime.TimeProvider.GetUtcNow();

    private ITeamGrain Team => GrainFactory.GetGrain<ITeamGrain>(S.Origin!.Team);

    private ICustomerGrain Customer => GrainFactory.GetGrain<ICustomerGrain>(S.Origin!.Customer.Id);

    private DeadlineAlarm Alarm => alarm ??= new DeadlineAlarm(this, ReminderName, options.Value.ReminderPeriod, options.Value.WakeBefore, () => Commit());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Origin is not null)
        {
            await Commit();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        S.Origin is null ? Alarm.Drop() : Commit();

    public async ValueTask<CreateResult> Create(NewComplaint complaint)
    {
        if (S.Origin is not null)
        {
            return new CreateResult(S.ToSummary(Id), Duplicate: true);
        }

        var now = Now;
        var createdAt = complaint.CreatedAt is { } written && written < now ? written : now;
        var standing = await GrainFactory.GetGrain<ICustomerGrain>(complaint.Customer.Id)
            .RecordComplaint(Id, complaint.Customer.Name, createdAt);
        var (priority, reasons) = PriorityRules.Decide(complaint, standing);
        var language = complaint.Language is { } given ? new Verdict<string>(given, ["set by the connector"]) : LanguageDetector.Detect(complaint.Text);
        var topic = TopicClassifier.Classify(complaint.Text);
        var terms = await GrainFactory.GetGrain<ISlaPolicyGrain>(0).GetTerms(priority);
        var assignee = await GrainFactory.GetGrain<ITeamGrain>(complaint.Team).AssignNewComplaint(Id);

        S.Origin = complaint;
        S.Priority = priority;
        S.PriorityReasons = reasons;
        S.Language = language.Value;
        S.Topic = topic.Value;
        S.TriageEvidence = [$"language: {string.Join(", ", language.Evidence)}", $"topic: {string.Join(", ", topic.Evidence)}"];
        S.CreatedAt = createdAt;
        S.ReceivedAt = now;
        S.Terms = terms;
        facts.Add(new ComplaintFact(FactKind.Created, createdAt, Id, topic.Value, complaint.Public,
            PersistentCustomerId: standing.PersistentDissatisfaction ? complaint.Customer.Id : null));
        S.StartClock(SlaClockKind.FirstResponse, createdAt);
        S.StartClock(SlaClockKind.Resolution, createdAt);
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Created, complaint.Customer.Id, Public: complaint.Public));
        if (assignee is null)
        {
            return new CreateResult(await Commit(ComplaintEventKind.ComplaintCreated), Duplicate: false);
        }

        S.Status = ComplaintStatus.Assigned;
        S.Assignee = assignee;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Assigned, System, Agent: assignee));
        return new CreateResult(await Commit(ComplaintEventKind.ComplaintCreated, ComplaintEventKind.ComplaintAssigned), Duplicate: false);
    }

    public ValueTask<ComplaintDetails?> GetDetails() =>
        ValueTask.FromResult(S.Origin is null ? null : new ComplaintDetails(S.ToSummary(Id), [.. S.Timeline]));

    public ValueTask<ComplaintSummary?> GetSummary() => ValueTask.FromResult(S.Origin is null ? null : S.ToSummary(Id));

    public async ValueTask<ComplaintSummary> Assign(string agent, string actor)
    {
        Require("assign", Open);
        if (agent == S.Assignee)
        {
            return S.ToSummary(Id);
        }

        await AssignTo(agent, actor);
        return await Commit(ComplaintEventKind.ComplaintAssigned);
    }

    public async ValueTask<ComplaintSummary> Respond(string text, bool isPublic, string actor)
    {
        Require("respond to", Open);
        var assigned = S.Assignee is null;
        if (assigned)
        {
            await AssignTo(actor, actor);
        }

        var now = Now;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Responded, actor, Text: text, Public: isPublic));
        if (S.Clock(SlaClockKind.FirstResponse) is { IsRunning: true })
        {
            facts.Add(new ComplaintFact(FactKind.FirstResponse, now, Id, Seconds: (now - S.CreatedAt).TotalSeconds));
        }

        StopClocks(now, SlaClockKind.FirstResponse, SlaClockKind.NextResponse);
        if (S.Status != ComplaintStatus.WaitingForCustomer)
        {
            S.Status = ComplaintStatus.Responded;
        }

        return assigned
            ? await Commit(ComplaintEventKind.ComplaintAssigned, ComplaintEventKind.ComplaintUpdated)
            : await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    public async ValueTask<ComplaintSummary> AddNote(string text, string actor)
    {
        Require("add a note to", Enum.GetValues<ComplaintStatus>());
        S.Timeline.Add(new TimelineEntry(Now, TimelineType.Note, actor, Text: text));
        return await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    public async ValueTask<ComplaintSummary> WaitForCustomer(string actor)
    {
        Require("wait for the customer on", ComplaintStatus.Assigned, ComplaintStatus.Responded);
        var now = Now;
        S.Clocks.ForEach(clock => clock.Pause(now, S.Terms!.Calendar));
        S.StatusBeforeWait = S.Status;
        S.Status = ComplaintStatus.WaitingForCustomer;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.WaitingForCustomer, actor));
        return await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    public async ValueTask<ComplaintSummary> ResumeAfterWait(string actor)
    {
        Require("resume", ComplaintStatus.WaitingForCustomer);
        EndWait(actor, Now);
        return await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    public async ValueTask<ComplaintSummary> Resolve(string? note, string actor)
    {
        Require("resolve", Open);
        var now = Now;
        StopClocks(now, Enum.GetValues<SlaClockKind>());
        facts.Add(new ComplaintFact(FactKind.Resolved, now, Id, Seconds: (now - S.CreatedAt).TotalSeconds));
        S.Status = ComplaintStatus.Resolved;
        S.ResolvedAt = now;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Resolved, actor, Text: note));
        await SetOpen(false);
        return await Commit(ComplaintEventKind.ComplaintResolved);
    }

    public async ValueTask<ComplaintSummary> Reopen(string actor)
    {
        Require("reopen", ComplaintStatus.Resolved);
        await ReopenResolved(actor, Now);
        S.StartClock(SlaClockKind.NextResponse, Now);
        return await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    public async ValueTask<ComplaintSummary> AcknowledgeEscalation(string actor)
    {
        Require("acknowledge an escalation of", Open);
        if (!S.Clocks.Select(clock => clock.Acknowledge()).ToList().Contains(true))
        {
            throw new TransitionNotAllowedException("The complaint has no unacknowledged escalation.");
        }

        S.Timeline.Add(new TimelineEntry(Now, TimelineType.EscalationAcknowledged, actor, Level: S.EscalationLevel));
        return await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    public async ValueTask<ComplaintSummary> AddCustomerMessage(CustomerMessage message)
    {
        if (S.Timeline.Exists(entry => entry.Type == TimelineType.CustomerMessage && entry.ExternalId == message.ExternalId))
        {
            return S.ToSummary(Id);
        }

        Require("add a customer message to", [.. Open, ComplaintStatus.Resolved]);
        var now = Now;
        var actor = S.Origin!.Customer.Id;
        var writtenAt = message.CreatedAt is { } written && written < now ? written : now;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.CustomerMessage, actor, Text: message.Text, ExternalId: message.ExternalId));
        if (S.Status == ComplaintStatus.Resolved)
        {
            await ReopenResolved(actor, now);
        }
        else if (S.Status == ComplaintStatus.WaitingForCustomer)
        {
            EndWait(actor, now);
        }

        // Before the first answer the first-response deadline covers every message; after it, the oldest
        // unanswered message sets the next-response deadline.
        if (S.Clock(SlaClockKind.FirstResponse) is { IsRunning: false } && S.Clock(SlaClockKind.NextResponse) is not { IsRunning: true })
        {
            S.StartClock(SlaClockKind.NextResponse, writtenAt);
        }

        return await Commit(ComplaintEventKind.ComplaintUpdated);
    }

    private void Require(string action, params ComplaintStatus[] allowed)
    {
        if (S.Origin is null)
        {
            throw new ComplaintNotFoundException(Id);
        }

        if (Array.IndexOf(allowed, S.Status) < 0)
        {
            var status = S.Status.ToString();
            throw new TransitionNotAllowedException(
                $"Cannot {action} a complaint that is {char.ToLowerInvariant(status[0])}{status[1..]}.");
        }
    }

    /// <summary>Stops the running clocks of the kinds; each deadline not already missed is recorded as met, or missed if late.</summary>
    private void StopClocks(DateTimeOffset now, params SlaClockKind[] kinds)
    {
        foreach (var clock in S.Clocks.Where(clock => clock.IsRunning && kinds.Contains(clock.Kind)))
        {
            clock.Stop(now);
            if (clock.EscalatedAt is null)
            {
                facts.Add(new ComplaintFact(FactKind.DeadlineDue, clock.DueAt ?? now, Id, Reason: clock.Kind, Met: clock.DueAt is not { } due || now <= due));
            }
        }
    }

    private async Task AssignTo(string agent, string actor)
    {
        S.Assignee = agent;
        if (S.Status == ComplaintStatus.New)
        {
            S.Status = ComplaintStatus.Assigned;
        }

        S.Timeline.Add(new TimelineEntry(Now, TimelineType.Assigned, actor, Agent: agent));
        await Team.TrackComplaint(Id, agent, open: true);
    }

    private void EndWait(string actor, DateTimeOffset now)
    {
        S.Clocks.ForEach(clock => clock.Resume(now, S.Terms!.Calendar));
        S.Status = S.StatusBeforeWait;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Resumed, actor));
    }

    private async Task ReopenResolved(string actor, DateTimeOffset now)
    {
        S.Status = S.Assignee is null ? ComplaintStatus.New : ComplaintStatus.Assigned;
        S.ResolvedAt = null;
        S.StartClock(SlaClockKind.Resolution, now);
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Reopened, actor));
        await SetOpen(true);
    }

    private async Task SetOpen(bool open) =>
        await Task.WhenAll(Team.TrackComplaint(Id, S.Assignee, open).AsTask(), Customer.SetComplaintOpen(Id, open).AsTask());

    /// <summary>
    /// Raises the alerts that are due, persists, then publishes <paramref name="changes"/> and the alerts, and
    /// arms the timer and reminder for the next one. If anything fails the activation is dropped, so that the
    /// next call starts again from what was stored.
    /// </summary>
    private async Task<ComplaintSummary> Commit(params ComplaintEventKind[] changes)
    {
        try
        {
            var now = Now;
            var alerts = await RaiseDueAlerts(now);
            var closed = CloseWhenQuiet(now);
            var next = NextAlertAt();
            var moved = await Alarm.SyncReminder(S, next, now);
            if (moved || changes.Length > 0 || alerts.Count > 0 || closed)
            {
                await state.WriteStateAsync();
            }

            foreach (var day in facts.GroupBy(fact => ComplaintFact.Bucket(S.Origin!.Team, fact.At)))
            {
                await GrainFactory.GetGrain<IAnalyticsGrain>(day.Key).Record([.. day]);
            }

            facts.Clear();
            var summary = S.ToSummary(Id);
            var events = GrainFactory.GetGrain<IComplaintEventsGrain>(0);
            foreach (var change in closed ? [.. changes, ComplaintEventKind.ComplaintUpdated] : changes)
            {
                await events.Publish(new ComplaintEvent(change, now, summary));
            }

            foreach (var alert in alerts)
            {
                await events.Publish(alert.Level == 0
                    ? new ComplaintEvent(ComplaintEventKind.SlaWarning, now, summary, alert.Reason, alert.DueAt)
                    : new ComplaintEvent(ComplaintEventKind.ComplaintEscalated, now, summary, alert.Reason, alert.DueAt, alert.Level));
            }

            Alarm.ArmTimer(next, now);
            return summary;
        }
        catch
        {
            facts.Clear();
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task<List<SlaAlert>> RaiseDueAlerts(DateTimeOffset now)
    {
        var alerts = new List<SlaAlert>();
        foreach (var clock in S.Clocks)
        {
            while (clock.TakeDueAlert(now) is { } alert)
            {
                alerts.Add(alert);
                S.EscalationLevel = Math.Max(S.EscalationLevel, alert.Level);
                if (alert.Level == 1)
                {
                    facts.Add(new ComplaintFact(FactKind.DeadlineDue, alert.DueAt, Id, Reason: alert.Reason, Met: false));
                }

                if (alert.Level > 0)
                {
                    facts.Add(new ComplaintFact(FactKind.Escalated, now, Id, Reason: alert.Reason, Level: alert.Level));
                }

                S.Timeline.Add(alert.Level == 0
                    ? new TimelineEntry(now, TimelineType.SlaWarning, System, Reason: alert.Reason, DueAt: alert.DueAt)
                    : new TimelineEntry(now, TimelineType.Escalated, System, Level: alert.Level, Reason: alert.Reason, DueAt: alert.DueAt,
                        NotifiedUsers: alert.Level == 1 ? await Team.GetSupervisors() : null));
            }
        }

        return alerts;
    }

    private bool CloseWhenQuiet(DateTimeOffset now)
    {
        if (S.Status != ComplaintStatus.Resolved || S.ResolvedAt + options.Value.AutoCloseAfter > now)
        {
            return false;
        }

        S.Status = ComplaintStatus.Closed;
        S.Timeline.Add(new TimelineEntry(now, TimelineType.Closed, System));
        return true;
    }

    private DateTimeOffset? NextAlertAt()
    {
        var next = S.Status == ComplaintStatus.Resolved ? S.ResolvedAt + options.Value.AutoCloseAfter : null;
        foreach (var clock in S.Clocks)
        {
            if (clock.NextAlertAt is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }
}
