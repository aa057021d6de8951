using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Events;
using Escalation.Grains.Sla;
using Escalation.Sla;
using Escalation.Teams;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Complaints;

/// <summary>
/// One complaint. Each pending SLA alert is armed twice: a grain timer fires it on time while the activation
/// lives, and a reminder at the same instant wakes the grain if the activation (or its silo) is gone.
/// Processing is idempotent, so whichever comes first fires the alert and the other finds nothing to do.
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

    private IGrainTimer? timer;

    private ComplaintState S => state.State;

    private Guid Id => this.GetPrimaryKey();

    private DateTimeOffset Now => runtime.TimeProvider.GetUtcNow();

    private ITeamGrain Team => GrainFactory.GetGrain<ITeamGrain>(S.Origin!.Team);

    private ICustomerGrain Customer => GrainFactory.GetGrain<ICustomerGrain>(S.Origin!.Customer.Id);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (S.Origin is not null)
        {
            await Commit();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        S.Origin is null ? DropReminder() : Commit();

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
        var terms = await GrainFactory.GetGrain<ISlaPolicyGrain>(0).GetTerms(priority);
        var assignee = await GrainFactory.GetGrain<ITeamGrain>(complaint.Team).AssignNewComplaint(Id);

        S.Origin = complaint;
        S.Priority = priority;
        S.PriorityReasons = reasons;
        S.Language = complaint.Language ?? "unknown";
        S.CreatedAt = createdAt;
        S.ReceivedAt = now;
        S.Terms = terms;
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
        S.Clock(SlaClockKind.FirstResponse)?.Stop(now);
        S.Clock(SlaClockKind.NextResponse)?.Stop(now);
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
        S.Clocks.ForEach(clock => clock.Stop(now));
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

    private async Task SetOpen(bool open)
    {
        await Team.TrackComplaint(Id, S.Assignee, open);
        await Customer.SetComplaintOpen(Id, open);
    }

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
            var dirty = changes.Length > 0 || alerts.Count > 0 || closed;
            if (next != S.ReminderDueAt)
            {
                await SyncReminder(next, now);
                dirty = true;
            }

            if (dirty)
            {
                await state.WriteStateAsync();
            }

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

            ArmTimer(next, now);
            return summary;
        }
        catch
        {
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

    private async Task SyncReminder(DateTimeOffset? next, DateTimeOffset now)
    {
        if (next is { } due)
        {
            await this.RegisterOrUpdateReminder(ReminderName, Max(due - now, TimeSpan.Zero), options.Value.ReminderPeriod);
        }
        else
        {
            await DropReminder();
        }

        S.ReminderDueAt = next;
    }

    private async Task DropReminder()
    {
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private void ArmTimer(DateTimeOffset? next, DateTimeOffset now)
    {
        timer?.Dispose();
        timer = next is { } due
            ? this.RegisterGrainTimer(() => Commit(), new GrainTimerCreationOptions(Max(due - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan))
            : null;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
