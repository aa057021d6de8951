using Escalation.Events;
using Escalation.Grains.Sla;
using Escalation.Improvements;
using Microsoft.Extensions.Options;

namespace Escalation.Grains.Improvements;

public sealed class ImprovementGrain(
    [PersistentState("improvement", StorageNames.Escalation)] IPersistentState<ImprovementState> state,
    IGrainRuntime runtime,
    IOptions<EscalationOptions> options) : Grain, IImprovementGrain, IRemindable
{
    private DeadlineAlarm? alarm;

    private DeadlineAlarm Alarm => alarm ??= new DeadlineAlarm(this, "deadline", options.Value.ReminderPeriod, options.Value.WakeBefore, () => Commit());

    private Improvement? Current => state.State.Improvement;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Current is not null)
        {
            await Commit();
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Current is null ? Alarm.Drop() : Commit();

    public async ValueTask<Improvement> Create(ImprovementDraft draft)
    {
        if (Current is { } existing)
        {
            return existing;
        }

        state.State.Improvement = new Improvement(
            this.GetPrimaryKey(), draft.Title, draft.Topic, draft.Owner, draft.OwnerTeam, draft.Deadline, draft.ComplaintIds,
            ImprovementStatus.Planned, null, runtime.TimeProvider.GetUtcNow(), draft.CreatedBy, null);
        await GrainFactory.GetGrain<IImprovementLogGrain>(0).Add(this.GetPrimaryKey());
        return await Commit(changed: true);
    }

    public ValueTask<Improvement?> GetImprovement() => ValueTask.FromResult(Current);

    public async ValueTask<Improvement> Update(ImprovementStatus? status, string? outcome)
    {
        var current = Current ?? throw new KeyNotFoundException($"There is no improvement {this.GetPrimaryKey()}.");
        state.State.Improvement = current with { Status = status ?? current.Status, Outcome = outcome ?? current.Outcome };
        return await Commit(changed: true);
    }

    /// <summary>Marks an open improvement overdue once its deadline passed, stores, then arms the alarm for the deadline.</summary>
    private async Task<Improvement> Commit(bool changed = false)
    {
        var now = runtime.TimeProvider.GetUtcNow();
        var improvement = Current!;
        var overdue = improvement.IsOpen && improvement.OverdueSince is null && improvement.Deadline <= now;
        if (overdue)
        {
            improvement = improvement with { OverdueSince = now };
            state.State.Improvement = improvement;
        }

        DateTimeOffset? next = improvement.IsOpen && improvement.OverdueSince is null ? improvement.Deadline : null;
        var registered = await Alarm.SyncReminder(state.State.ReminderDueAt, next, now);
        var moved = registered != state.State.ReminderDueAt;
        state.State.ReminderDueAt = registered;
        if (moved || changed || overdue)
        {
            await state.WriteStateAsync();
        }

        if (overdue)
        {
            await GrainFactory.GetGrain<IComplaintEventsGrain>(EventChannels.Of(improvement.OwnerTeam ?? "")).PublishImprovementOverdue(new ImprovementEvent(now, improvement));
        }

        Alarm.ArmTimer(next, now);
        return improvement;
    }
}
