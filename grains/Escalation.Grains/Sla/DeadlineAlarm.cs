namespace Escalation.Grains.Sla;

/// <summary>
/// How a grain is woken at a deadline: a grain timer fires at the exact instant while the activation lives, and a
/// reminder at the same instant wakes the grain if the activation (or its silo) is gone, then again every period
/// until the grain has handled it. The grain's handling must be idempotent: whichever comes first does the work.
/// </summary>
public sealed class DeadlineAlarm(Grain grain, string reminderName, TimeSpan reminderPeriod, Func<Task> onDue)
{
    private IGrainTimer? timer;

    /// <summary>
    /// Moves the reminder to <paramref name="next"/> (or removes it) when that differs from <paramref name="registered"/>;
    /// returns true when it changed, so that the grain stores the new registration with its state.
    /// </summary>
    public async Task<bool> SyncReminder(DateTimeOffset? registered, DateTimeOffset? next, DateTimeOffset now)
    {
        if (next == registered)
        {
            return false;
        }

        if (next is { } due)
        {
            await grain.RegisterOrUpdateReminder(reminderName, Later(due, now), reminderPeriod);
        }
        else
        {
            await Drop();
        }

        return true;
    }

    /// <summary>Removes the reminder, if any (for a grain that finds nothing to watch).</summary>
    public async Task Drop()
    {
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }

    /// <summary>Arms the precise timer for <paramref name="next"/>, replacing any earlier one.</summary>
    public void ArmTimer(DateTimeOffset? next, DateTimeOffset now)
    {
        timer?.Dispose();
        timer = next is { } due ? grain.RegisterGrainTimer(onDue, new GrainTimerCreationOptions(Later(due, now), Timeout.InfiniteTimeSpan)) : null;
    }

    private static TimeSpan Later(DateTimeOffset due, DateTimeOffset now) => due > now ? due - now : TimeSpan.Zero;
}
