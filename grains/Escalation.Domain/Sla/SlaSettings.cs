using Escalation.Escalations;

namespace Escalation.Sla;

/// <summary>
/// The SLA configuration new complaints take their terms from: a policy per priority, the conditional policy sets, and
/// the calendars policies count on.
/// </summary>
public sealed record SlaSettings(IReadOnlyDictionary<Priority, SlaPolicy> Policies, IReadOnlyList<BusinessCalendar> Calendars, IReadOnlyList<SlaPolicySet> PolicySets)
{
    /// <summary>The default policy of a priority and the calendar it names (24x7 when that calendar is unknown).</summary>
    public SlaTerms Terms(Priority priority) => Terms(Policies[priority], SlaPolicySet.DefaultName, null);

    /// <summary>
    /// The terms of a new complaint: those of the first matching policy set (lowest order, then name), else the default
    /// policy; with the escalation chain of its team.
    /// </summary>
    public SlaTerms Terms(Priority priority, PolicySubject subject, EscalationChain? chain)
    {
        var set = PolicySets.Where(candidate => candidate.When.Matches(subject))
            .OrderBy(candidate => candidate.Order).ThenBy(candidate => candidate.Name, StringComparer.Ordinal).FirstOrDefault();
        return set is null
            ? Terms(Policies[priority], SlaPolicySet.DefaultName, chain)
            : Terms(set.Targets.GetValueOrDefault(priority) ?? Policies[priority] with { Calendar = set.Calendar }, set.Name, chain);
    }

    private SlaTerms Terms(SlaPolicy policy, string name, EscalationChain? chain) =>
        new(policy, Calendars.FirstOrDefault(calendar => calendar.Name == policy.Calendar) ?? BusinessCalendar.AlwaysOpen, name, chain);
}
