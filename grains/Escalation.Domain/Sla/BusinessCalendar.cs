namespace Escalation.Sla;

/// <summary>
/// Working periods per weekday in a time zone, plus holidays (local dates). Deadlines are the instant at
/// which a given amount of working time has elapsed; the elapsed time inside a period is real time, so a
/// period that spans a DST change holds one hour more or less.
/// </summary>
public sealed record BusinessCalendar(
    string Name,
    string TimeZone,
    WorkPeriod[][] Week,
    DateOnly[] Holidays)
{
    public const string AlwaysOpenName = "24x7";

    // A calendar with no working time at all would never reach a deadline; searching further than this is a bug.
    private const int MaxDaysSearched = 3 * 366;

    public static BusinessCalendar AlwaysOpen { get; } = new(
        AlwaysOpenName,
        "UTC",
        [.. Enumerable.Range(0, 7).Select(_ => new[] { new WorkPeriod(TimeSpan.Zero, WorkPeriod.EndOfDay) })],
        []);

    /// <summary>The instant at which <paramref name="amount"/> of working time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        if (amount <= TimeSpan.Zero)
        {
            return start;
        }

        var remaining = amount;
        foreach (var (from, to) in WorkingSpans(start))
        {
            var available = to - from;
            if (remaining <= available)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"Calendar '{Name}' has no working time within {MaxDaysSearched} days of {start:O}.");
    }

    /// <summary>The working time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (spanStart, spanEnd) in WorkingSpans(from))
        {
            if (spanStart >= to)
            {
                break;
            }

            total += (spanEnd < to ? spanEnd : to) - spanStart;
        }

        return total;
    }

    /// <summary>Validation errors, empty when the calendar is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!TryFindTimeZone(TimeZone, out _))
        {
            errors.Add($"Unknown time zone '{TimeZone}'.");
        }

        if (Week.Length != 7)
        {
            errors.Add("The week must have seven days.");
            return errors;
        }

        for (var day = 0; day < 7; day++)
        {
            var periods = Week[day];
            for (var i = 0; i < periods.Length; i++)
            {
                if (!periods[i].IsValid)
                {
                    errors.Add($"{(DayOfWeek)day}: period {periods[i].Start:hh\\:mm}-{periods[i].End:hh\\:mm} must start before it ends, within the day.");
                }
                else if (i > 0 && periods[i].Start < periods[i - 1].End)
                {
                    errors.Add($"{(DayOfWeek)day}: periods must be in order and must not overlap.");
                }
            }
        }

        if (Week.All(periods => periods.Length == 0))
        {
            errors.Add("The calendar has no working periods.");
        }

        return errors;
    }

    /// <summary>Working spans in UTC, in order, from <paramref name="start"/> on (the first one clipped to it).</summary>
    private IEnumerable<(DateTimeOffset From, DateTimeOffset To)> WorkingSpans(DateTimeOffset start)
    {
        var zone = FindTimeZone(TimeZone);
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime);
        for (var searched = 0; searched < MaxDaysSearched; searched++, day = day.AddDays(1))
        {
            if (Array.IndexOf(Holidays, day) >= 0)
            {
                continue;
            }

            foreach (var period in Week[(int)day.DayOfWeek])
            {
                var from = LocalToUtc(day, period.Start, zone);
                var to = LocalToUtc(day, period.End, zone);
                if (to <= start)
                {
                    continue;
                }

                yield return (from < start ? start : from, to);
            }
        }
    }

    /// <summary>
    /// The UTC instant of a local wall-clock time. A time skipped by a DST change maps to the moment the clock
    /// jumps; a time that occurs twice maps to its first occurrence.
    /// </summary>
    internal static DateTimeOffset LocalToUtc(DateOnly day, TimeSpan timeOfDay, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified) + timeOfDay;
        if (zone.IsAmbiguousTime(local))
        {
            var earliest = zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, earliest).ToUniversalTime();
        }

        if (!zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        // Inside a spring-forward gap: the first instant whose local time is at or after the wanted one.
        var low = new DateTimeOffset(local - zone.GetUtcOffset(local.AddDays(1)), TimeSpan.Zero);
        var high = new DateTimeOffset(local - zone.GetUtcOffset(local.AddDays(-1)), TimeSpan.Zero);
        while (high - low > TimeSpan.FromTicks(1))
        {
            var middle = low + ((high - low) / 2);
            if (TimeZoneInfo.ConvertTime(middle, zone).DateTime >= local)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    public static bool TryFindTimeZone(string id, out TimeZoneInfo zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone!);

    private static TimeZoneInfo FindTimeZone(string id) =>
        TryFindTimeZone(id, out var zone) ? zone : throw new InvalidOperationException($"Unknown time zone '{id}'.");
}
