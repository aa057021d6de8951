namespace Escalation.Grains.Sla;

/// <summary>
/// How a grain is woken at a deadline: a grain timer fires at the exact instant while the activation lives, and a
/// reminder wakes the grain if the activation (or its silo) is gone: <c>wakeBefore</c> ahead of a far deadline, so
/// that the woken grain arms its precise timer in time, and at the deadline itself once it is near, then again every
/// period until the grain has handled it. The grain's handling must be idempotent: whichever comes first does the work.
/// </summary>
public sealed class DeadlineAlarm(Grain grain, string reminderName, TimeSpan reminderPeriod, TimeSpan wakeBefore, Func<Task> onDue)
{
    private IGrainTimer? timer;

    /// <summary>
    /// Moves the reminder to watch <paramref name="next"/> (or removes it) when that needs another registration than
    /// <paramref name="registered"/>, the one the grain's state records; returns the registration now in force, for the
    /// state to record (a changed one is to be stored).
    /// </summary>
    public async Task<DateTimeOffset?> SyncReminder(DateTimeOffset? registered, DateTimeOffset? next, DateTimeOffset now)
    {
        var wanted = next is { } due && due - wakeBefore > now ? due - wakeBefore : next;
        if (wanted == registered)
        {
            return registered;
        }

        if (wanted is { } at)
        {
            await grain.RegisterOrUpdateReminder(reminderName, Later(at, now), reminderPeriod);
        }
        else
        {
            await Drop();
        }

        return wanted;
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

