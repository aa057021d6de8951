namespace Escalation.Sla;

/// <summary>The SLA configuration new complaints take their terms from: a policy per priority and the calendars policies count on.</summary>
public sealed record SlaSettings(IReadOnlyDictionary<Priority, SlaPolicy> Policies, IReadOnlyList<BusinessCalendar> Calendars)
{
    /// <summary>The policy of a priority and the calendar it names (24x7 when that calendar is unknown).</summary>
    public SlaTerms Terms(Priority priority)
    {
        var policy = Policies[priority];
        return new SlaTerms(policy, Calendars.FirstOrDefault(calendar => calendar.Name == policy.Calendar) ?? BusinessCalendar.AlwaysOpen);
    }
}
