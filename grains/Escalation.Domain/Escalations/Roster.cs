namespace Escalation.Escalations;

/// <summary>
/// A weekly shift: <see cref="User"/> is on duty on each of <see cref="Days"/> from <see cref="From"/> to
/// <see cref="To"/>, local time, half-open; a <see cref="To"/> at or before <see cref="From"/> runs past midnight into
/// the next day.
/// </summary>
public sealed record Shift(string User, IReadOnlyList<DayOfWeek> Days, TimeOnly From, TimeOnly To)
{
    public bool Covers(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        return To > From
            ? Days.Contains(local.DayOfWeek) && time >= From && time < To
            : (Days.Contains(local.DayOfWeek) && time >= From) || (Days.Contains(local.AddDays(-1).DayOfWeek) && time < To);
    }
}

/// <summary>A dated period (half-open) that puts <see cref="User"/> on duty whatever the shifts say.</summary>
public sealed record RosterOverride(string User, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Who of a team's supervisors is on duty when: weekly <see cref="Shifts"/> in the team's time zone (so that a shift
/// keeps its local hours across daylight-saving changes) and dated <see cref="Overrides"/>.
/// </summary>
public sealed record Roster(string TimeZone, IReadOnlyList<Shift> Shifts, IReadOnlyList<RosterOverride> Overrides)
{
    public const int MaxEntries = 500;

    public static Roster Empty { get; } = new("UTC", [], []);

    /// <summary>The users on duty at <paramref name="now"/>: those an override covers, then those on shift, each once.</summary>
    public IReadOnlyList<string> OnDuty(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime;
        return
        [
            .. Overrides.Where(entry => entry.From <= now && now < entry.To).Select(entry => entry.User)
                .Concat(Shifts.Where(shift => shift.Covers(local)).Select(shift => shift.User))
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>Validation errors, empty when the roster is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            errors.Add($"Unknown time zone '{(TimeZone.Length > 40 ? TimeZone[..40] : TimeZone)}' (an IANA name such as Europe/Tallinn).");
        }

        if (Shifts.Count + Overrides.Count > MaxEntries)
        {
            errors.Add($"A roster has at most {MaxEntries} shifts and overrides.");
        }

        foreach (var (shift, number) in Shifts.Select((shift, index) => (shift, index + 1)))
        {
            if (shift.Days.Count == 0)
            {
                errors.Add($"shift {number}: days must name at least one day.");
            }

            if (shift.From == shift.To)
            {
                errors.Add($"shift {number}: from and to must differ.");
            }
        }

        errors.AddRange(Overrides.Select((entry, index) => (entry, number: index + 1)).Where(item => item.entry.From >= item.entry.To)
            .Select(item => $"override {item.number}: from must be before to."));
        errors.AddRange(Shifts.Select(shift => shift.User).Concat(Overrides.Select(entry => entry.User)).Where(user => !Names.IsValid(user))
            .Distinct().Select(user => $"'{(user.Length > 40 ? user[..40] : user)}' is not a username ({Names.Rule})."));
        return errors;
    }
}
