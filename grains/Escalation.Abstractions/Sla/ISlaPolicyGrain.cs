using Escalation.Caching;

namespace Escalation.Sla;

/// <summary>
/// The SLA policies per priority and the business calendars (one per cluster, key 0). Silos cache them where complaints
/// are created (<see cref="Caching.GrainCache{TGrain, TContent}"/>); a change answers once every cache dropped its copy.
/// </summary>
public interface ISlaPolicyGrain : IWatchedGrain
{
    ValueTask<IReadOnlyDictionary<Priority, SlaPolicy>> GetPolicies();

    /// <exception cref="ArgumentException">The policy is invalid or names an unknown calendar.</exception>
    ValueTask SetPolicy(Priority priority, SlaPolicy policy);

    ValueTask<IReadOnlyList<BusinessCalendar>> GetCalendars();

    /// <exception cref="ArgumentException">The calendar is invalid, or is the built-in 24x7.</exception>
    ValueTask SetCalendar(BusinessCalendar calendar);

    ValueTask<IReadOnlyList<SlaPolicySet>> GetPolicySets();

    /// <summary>Creates or replaces a policy set; true when it was created.</summary>
    /// <exception cref="ArgumentException">The set is invalid, names an unknown calendar, or there are too many.</exception>
    ValueTask<bool> SetPolicySet(SlaPolicySet policySet);

    /// <summary>False when there was no such set.</summary>
    ValueTask<bool> DeletePolicySet(string name);

    /// <summary>Everything new complaints take their terms from.</summary>
    ValueTask<SlaSettings> GetSettings();
}
