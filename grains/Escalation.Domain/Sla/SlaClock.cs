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

    /// <summary>When each level of the escalation chain fires: level 1 after the deadline, each next one after the previous.</summary>
    public List<TimeSpan> Delays { get; set; } = [];

    /// <summary>Working time used before <see cref="RunningSince"/>.</summary>
    public TimeSpan Consumed { get; set; }

    /// <summary>Null while paused.</summary>
    public DateTimeOffset? RunningSince { get; set; }

    /// <summary>Null while paused.</summary>
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? WarningDueAt { get; set; }
    public bool WarningSent { get; set; }

    /// <summary>When level 1 fired.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>How many levels fired, and when the last one was due.</summary>
    public int Level { get; set; }
    public DateTimeOffset? LastEscalationDueAt { get; set; }
    public bool Acknowledged { get; set; }

    /// <summary>When the promise was kept or became moot (answered, resolved); no alert fires after it.</summary>
    public DateTimeOffset? StoppedAt { get; set; }

    public bool IsRunning => StoppedAt is null;

    /// <summary>When the next level of the chain fires (null: the chain ran out or was acknowledged, or the deadline is not missed yet).</summary>
    public DateTimeOffset? NextEscalationDueAt =>
        Level >= Delays.Count || Acknowledged ? null
        : Level == 0 ? DueAt + Delays[0]
        : LastEscalationDueAt + Delays[Level];

    /// <summary>The next instant at which this clock raises an alert, or null when it never will (as things stand).</summary>
    public DateTimeOffset? NextAlertAt =>
        StoppedAt is not null ? null
        : !WarningSent ? WarningDueAt
        : NextEscalationDueAt;

    public static SlaClock Start(SlaClockKind kind, SlaTerms terms, DateTimeOffset startedAt)
    {
        var budget = terms.Policy.TimeFor(kind);
        var clock = new SlaClock
        {
            Kind = kind,
            Budget = budget,
            WarningBudget = budget * terms.Policy.WarningAt,
            Delays = [.. terms.Escalation.Delays(terms.Policy.EscalationAcknowledge)],
        };
        clock.Run(startedAt, terms.Calendar);
        return clock;
    }

    public void Pause(DateTimeOffset now, BusinessCalendar calendar)
    {
        // A missed deadline stays missed: only a clock still counting down is frozen.
        if (StoppedAt is not null || EscalatedAt is not null || RunningSince is not { } since || DueAt <= now)
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

    /// <summary>Marks the escalations acknowledged, which stops the chain; true when there was one to acknowledge.</summary>
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

        // Level 1 is about the missed deadline; each next level about the missed acknowledgement of the one before.
        Level++;
        LastEscalationDueAt = due;
        EscalatedAt ??= now;
        return new SlaAlert(Kind, Level, Level == 1 ? DueAt!.Value : due);
    }

    private void Run(DateTimeOffset from, BusinessCalendar calendar)
    {
        RunningSince = from;
        DueAt = calendar.AddWorkingTime(from, Budget - Consumed);
        WarningDueAt = WarningSent ? null : calendar.AddWorkingTime(from, WarningBudget - Consumed);
    }
}
