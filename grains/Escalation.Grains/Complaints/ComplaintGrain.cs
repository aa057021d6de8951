using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Grains.Sla;
using Escalation.Sla;
using Escalation.Teams;
using Escalation.Triage;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Complaints;

/// <summary>
/// One complaint: loads its state, lets the domain's <see cref="Complaint"/> decide, stores, then tells the team,
/// customer, analytics and consoles. Each pending alert is armed twice (<see cref="DeadlineAlarm"/>): a grain timer
/// fires it on time while the activation lives, and a reminder wakes the grain ahead of it if the activation (or its
/// silo) is gone. The domain raises each alert once, so whichever comes first fires it and the other finds nothing.
/// </summary>
public sealed class ComplaintGrain(
    [PersistentState("complaint", StorageNames.Escalation)] IPersistentState<ComplaintState> state,
    IGrainRuntime runtime,
    IOptions<EscalationOptions> options) : Grain, IComplaintGrain, IRemindable
{
    private const string ReminderName = "sla";
    private Complaint? complaint;
    private DeadlineAlarm? alarm;

    private Complaint C => complaint ??= new Complaint(this.GetPrimaryKey(), state.State, options.Value.AutoCloseAfter);

    private DateTimeOffset Now => runtime.TimeProvider.GetUtcNow();

    private ITeamGrain Team => GrainFactory.GetGrain<ITeamGrain>(state.State.Origin!.Team);

    private DeadlineAlarm Alarm => alarm ??= new DeadlineAlarm(this, ReminderName, options.Value.ReminderPeriod, options.Value.WakeBefore, () => Commit(new()));

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (C.Exists)
        {
            await Commit(new ComplaintChanges());
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => C.Exists ? Commit(new ComplaintChanges()) : Alarm.Drop();

    public async ValueTask<CreateResult> Create(NewComplaint message)
    {
        if (C.Exists)
        {
            return new CreateResult(Summary(), Duplicate: true);
        }

        var now = Now;
        var standing = await GrainFactory.GetGrain<ICustomerGrain>(message.Customer.Id)
            .RecordComplaint(C.Id, message.Customer.Name, Complaint.WrittenAt(message.CreatedAt, now));
        var triage = ComplaintTriage.Of(message, standing);
        var terms = await GrainFactory.GetGrain<ISlaPolicyGrain>(0).GetTerms(triage.Priority);
        var assignee = await GrainFactory.GetGrain<ITeamGrain>(message.Team).AssignNewComplaint(C.Id);
        return new CreateResult(await Commit(C.Create(message, triage, terms, assignee, now)), Duplicate: false);
    }

    public ValueTask<ComplaintDetails?> GetDetails() =>
        ValueTask.FromResult(C.Exists ? new ComplaintDetails(Summary(), [.. state.State.Timeline]) : null);

    public ValueTask<ComplaintSummary?> GetSummary() => ValueTask.FromResult(C.Exists ? Summary() : null);

    public ValueTask<ComplaintSummary> Assign(string agent, string actor) => Act(now => C.Assign(agent, actor, now));

    public ValueTask<ComplaintSummary> Respond(string text, bool isPublic, string actor) => Act(now => C.Respond(text, isPublic, actor, now));

    public ValueTask<ComplaintSummary> AddNote(string text, string actor) => Act(now => C.AddNote(text, actor, now));

    public ValueTask<ComplaintSummary> WaitForCustomer(string actor) => Act(now => C.WaitForCustomer(actor, now));

    public ValueTask<ComplaintSummary> ResumeAfterWait(string actor) => Act(now => C.Resume(actor, now));

    public ValueTask<ComplaintSummary> Resolve(string? note, string actor) => Act(now => C.Resolve(note, actor, now));

    public ValueTask<ComplaintSummary> Reopen(string actor) => Act(now => C.Reopen(actor, now));

    public ValueTask<ComplaintSummary> AcknowledgeEscalation(string actor) => Act(now => C.AcknowledgeEscalation(actor, now));

    public ValueTask<ComplaintSummary> AddCustomerMessage(CustomerMessage message) => Act(now => C.AddCustomerMessage(message, now));

    private ComplaintSummary Summary() => ComplaintSummary.Of(C.Id, state.State);

    /// <summary>Runs an action of the domain on a created complaint, tells the team and customer what they must know, and commits.</summary>
    private async ValueTask<ComplaintSummary> Act(Func<DateTimeOffset, ComplaintChanges> action)
    {
        if (!C.Exists)
        {
            throw new ComplaintNotFoundException(C.Id);
        }

        var changes = action(Now);
        var open = state.State.IsOpen;
        await Task.WhenAll(
            changes.Sync.HasFlag(ComplaintSync.Team) ? Team.TrackComplaint(C.Id, state.State.Assignee, open).AsTask() : Task.CompletedTask,
            changes.Sync.HasFlag(ComplaintSync.Customer)
                ? GrainFactory.GetGrain<ICustomerGrain>(state.State.Origin!.Customer.Id).SetComplaintOpen(C.Id, open).AsTask()
                : Task.CompletedTask);
        return await Commit(changes);
    }

    /// <summary>
    /// Raises the alerts that are due, persists, then records the facts, publishes the changes and alerts, and arms the
    /// timer and reminder for the next one. If anything fails the activation is dropped, so that the next call starts
    /// again from what was stored.
    /// </summary>
    private async Task<ComplaintSummary> Commit(ComplaintChanges changes)
    {
        try
        {
            var now = Now;
            C.Tick(now, changes);
            var escalations = changes.Alerts.Where(alert => alert.Level > 0).ToList();
            var supervisors = escalations.Exists(alert => alert.Level == 1) ? await Team.GetSupervisors() : null;
            escalations.ForEach(alert => C.Notified(alert, alert.Level == 1 ? supervisors : null, now));

            var next = C.NextAlertAt;
            var wakeAt = await Alarm.SyncReminder(state.State.WakeAt, next, now);
            if (wakeAt != state.State.WakeAt || changes.Changed)
            {
                state.State.WakeAt = wakeAt;
                await state.WriteStateAsync();
            }

            var summary = Summary();
            await ComplaintPublisher.Publish(GrainFactory, summary, changes, now);
            Alarm.ArmTimer(next, now);
            return summary;
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
