namespace Escalation.Sla;

/// <summary>The SLA policies per priority and the business calendars (one per cluster, key 0).</summary>
public interface ISlaPolicyGrain : IGrainWithIntegerKey
{
    ValueTask<IReadOnlyDictionary<Priority, SlaPolicy>> GetPolicies();

    /// <exception cref="ArgumentException">The policy is invalid or names an unknown calendar.</exception>
    ValueTask SetPolicy(Priority priority, SlaPolicy policy);

    ValueTask<IReadOnlyList<BusinessCalendar>> GetCalendars();

    /// <exception cref="ArgumentException">The calendar is invalid, or is the built-in 24x7.</exception>
    ValueTask SetCalendar(BusinessCalendar calendar);

    ValueTask<SlaTerms> GetTerms(Priority priority);
}
