namespace Escalation.Sla;

/// <summary>
/// One running SLA promise (first response, next response or resolution) and the alerts it has raised.
/// Working time is counted on the complaint's calendar; the clock pauses while the complaint waits for the
/// customer and resumes with the time that was left.
/// </summary>
public sealed class SlaClock
{
    public SlaClockKind Kind { get; set; }
    public TimeSpan Budget { get; set; }
    public TimeSpan WarningBudget { get; set; }
    public TimeSpan AcknowledgeWithin { get; set; }

    /// <summary>Working time used before <see cref="RunningSince"/>.</summary>
    public TimeSpan Consumed { get; set; }

    /// <summary>Null while paused.</summary>
    public DateTimeOffset? RunningSince { get; set; }

    /// <summary>Null while paused.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? WarningDueAt { get; set; }
    public bool WarningSent { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public DateTimeOffset? ManagerEscalatedAt { get; set; }
    public bool Acknowledged { get; set; }

    /// <summary>When the promise was kept or became moot (answered, resolved); no alert fires after it.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    public bool IsRunning => StoppedAt is null;

    public DateTimeOffset? ManagerEscalationDueAt =>
        EscalatedAt is { } escalated && !Acknowledged && ManagerEscalatedAt is null ? escalated + AcknowledgeWithin : null;

    /// <summary>The next instant at which this clock raises an alert, or null when it never will (as things stand).</summary>
    public DateTimeOffset? NextAlertAt =>
        StoppedAt is not null ? null
        : !WarningSent ? WarningDueAt
        : EscalatedAt is null ? DueAt
        : ManagerEscalationDueAt;

    public static SlaClock Start(SlaClockKind kind, SlaPolicy policy, BusinessCalendar calendar, DateTimeOffset startedAt)
    {
        var budget = policy.TimeFor(kind);
        var clock = new SlaClock
        {
            Kind = kind,
            Budget = budget,
            WarningBudget = budget * policy.WarningAt,
            AcknowledgeWithin = policy.EscalationAcknowledge,
        };
        clock.Run(startedAt, calendar);
        return clock;
    }

    public void Pause(DateTimeOffset now, BusinessCalendar calendar)
    {
        // A missed deadline stays missed: only a clock still counting down is frozen.
        if (StoppedAt is not null || EscalatedAt is not null || RunningSince is not { } since)
        {
            return;
        }

        Consumed += calendar.WorkingTimeBetween(since, now);
        RunningSince = null;
        DueAt = null;
        WarningDueAt = null;
    }

    public void Resume(DateTimeOffset now, BusinessCalendar calendar)
    {
        if (StoppedAt is null && RunningSince is null)
        {
            Run(now, calendar);
        }
    }

    public void Stop(DateTimeOffset now) => StoppedAt ??= now;

    /// <summary>Marks level-1 (and level-2) escalations acknowledged; true when there was one to acknowledge.</summary>
    public bool Acknowledge()
    {
        if (EscalatedAt is null || Acknowledged)
        {
            return false;
        }

        Acknowledged = true;
        return true;
    }

    /// <summary>Takes the one alert due at <paramref name="now"/>, marking it sent; null when none is due.</summary>
    public SlaAlert? TakeDueAlert(DateTimeOffset now)
    {
        if (NextAlertAt is not { } due || due > now)
        {
            return null;
        }

        if (!WarningSent)
        {
            WarningSent = true;

            // A warning overtaken by its deadline (the silo was down) is not worth a separate alert.
            return DueAt <= now ? TakeDueAlert(now) : new SlaAlert(Kind, 0, DueAt!.Value);
        }

        if (EscalatedAt is null)
        {
            EscalatedAt = now;
            return new SlaAlert(Kind, 1, due);
        }

        ManagerEscalatedAt = now;
        return new SlaAlert(Kind, 2, due);
    }

    private void Run(DateTimeOffset from, BusinessCalendar calendar)
    {
        RunningSince = from;
        DueAt = calendar.AddWorkingTime(from, Budget - Consumed);
        WarningDueAt = WarningSent ? null : calendar.AddWorkingTime(from, WarningBudget - Consumed);
    }
}
