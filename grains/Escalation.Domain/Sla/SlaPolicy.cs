namespace Escalation.Sla;

/// <summary>Targets for one priority. Response and resolution times are working time on <see cref="Calendar"/>.</summary>
public sealed record SlaPolicy(
    TimeSpan FirstResponse,
    TimeSpan NextResponse,
    TimeSpan Resolution,
    double WarningAt,
    TimeSpan EscalationAcknowledge,
    string Calendar)
{
    public static IReadOnlyDictionary<Priority, SlaPolicy> Defaults { get; } = new Dictionary<Priority, SlaPolicy>
    {
        [Priority.P1] = new(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(4), 0.8, TimeSpan.FromMinutes(10), BusinessCalendar.AlwaysOpenName),
        [Priority.P2] = new(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(8), 0.8, TimeSpan.FromMinutes(15), BusinessCalendar.AlwaysOpenName),
        [Priority.P3] = new(TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromDays(1), 0.8, TimeSpan.FromMinutes(30), BusinessCalendar.AlwaysOpenName),
        [Priority.P4] = new(TimeSpan.FromHours(8), TimeSpan.FromDays(1), TimeSpan.FromDays(3), 0.8, TimeSpan.FromHours(1), BusinessCalendar.AlwaysOpenName),
    };

    public TimeSpan TimeFor(SlaClockKind kind) => kind switch
    {
        SlaClockKind.FirstResponse => FirstResponse,
        SlaClockKind.NextResponse => NextResponse,
        _ => Resolution,
    };

    /// <summary>Validation errors, empty when the policy is usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var (name, value) in new[] { ("firstResponse", FirstResponse), ("nextResponse", NextResponse), ("resolution", Resolution), ("escalationAcknowledge", EscalationAcknowledge) })
        {
            if (value <= TimeSpan.Zero)
            {
                errors.Add($"{name} must be a positive duration.");
            }
        }

        if (!(WarningAt > 0 && WarningAt < 1))
        {
            errors.Add("warningAt must be a fraction between 0 and 1 (exclusive).");
        }

        if (string.IsNullOrWhiteSpace(Calendar))
        {
            errors.Add("calendar is required.");
        }

        return errors;
    }
}
