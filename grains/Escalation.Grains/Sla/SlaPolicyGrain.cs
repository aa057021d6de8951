using Escalation.Caching;
using Escalation.Grains.Caching;
using Escalation.Sla;

namespace Escalation.Grains.Sla;

public sealed class SlaPolicyGrain(
    [PersistentState("sla", StorageNames.Escalation)] IPersistentState<SlaPolicyState> state) : Grain, ISlaPolicyGrain
{
    private SlaPolicyState S => state.State;

    public ValueTask<IReadOnlyDictionary<Priority, SlaPolicy>> GetPolicies() =>
        ValueTask.FromResult<IReadOnlyDictionary<Priority, SlaPolicy>>(new SortedDictionary<Priority, SlaPolicy>(S.Policies));

    public async ValueTask SetPolicy(Priority priority, SlaPolicy policy)
    {
        var errors = policy.Validate().ToList();
        if (!Enum.IsDefined(priority))
        {
            errors.Add($"Unknown priority '{priority}'.");
        }

        if (policy.Calendar != BusinessCalendar.AlwaysOpenName && !S.Calendars.ContainsKey(policy.Calendar))
        {
            errors.Add($"Unknown calendar '{policy.Calendar}'.");
        }

        ThrowIfAny(errors);
        S.Policies[priority] = policy;
        await Store();
    }

    public ValueTask<IReadOnlyList<BusinessCalendar>> GetCalendars() =>
        ValueTask.FromResult<IReadOnlyList<BusinessCalendar>>(
            [BusinessCalendar.AlwaysOpen, .. S.Calendars.Values.OrderBy(calendar => calendar.Name, StringComparer.Ordinal)]);

    public async ValueTask SetCalendar(BusinessCalendar calendar)
    {
        var errors = calendar.Validate().ToList();
        if (calendar.Name == BusinessCalendar.AlwaysOpenName)
        {
            errors.Add("The 24x7 calendar is built in and cannot be changed.");
        }

        ThrowIfAny(errors);
        S.Calendars[calendar.Name] = calendar;
        await Store();
    }

    public ValueTask<IReadOnlyList<SlaPolicySet>> GetPolicySets() =>
        ValueTask.FromResult<IReadOnlyList<SlaPolicySet>>([.. S.PolicySets.Values.OrderBy(set => set.Order).ThenBy(set => set.Name, StringComparer.Ordinal)]);

    public async ValueTask<bool> SetPolicySet(SlaPolicySet policySet)
    {
        var errors = policySet.Validate().ToList();
        if (policySet.Calendar != BusinessCalendar.AlwaysOpenName && !S.Calendars.ContainsKey(policySet.Calendar))
        {
            errors.Add($"Unknown calendar '{policySet.Calendar}'.");
        }

        var created = !S.PolicySets.ContainsKey(policySet.Name);
        if (created && S.PolicySets.Count >= SlaPolicySet.MaxSets)
        {
            errors.Add($"There are at most {SlaPolicySet.MaxSets} policy sets.");
        }

        ThrowIfAny(errors);
        S.PolicySets[policySet.Name] = policySet;
        await Store();
        return created;
    }

    public async ValueTask<bool> DeletePolicySet(string name)
    {
        if (!S.PolicySets.Remove(name))
        {
            return false;
        }

        await Store();
        return true;
    }

    public async ValueTask<SlaSettings> GetSettings() =>
        new(new Dictionary<Priority, SlaPolicy>(S.Policies), [.. S.Calendars.Values], await GetPolicySets());

    public async ValueTask Watch(ICacheObserver observer, TimeSpan lease)
    {
        if (Watchers.Watch(S.Watchers, observer, lease))
        {
            await state.WriteStateAsync();
        }
    }

    /// <summary>Stores a change, and answers once every cache of the settings dropped its copy.</summary>
    private async Task Store()
    {
        await state.WriteStateAsync();
        await Watchers.Invalidate(S.Watchers);
    }

    private static void ThrowIfAny(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
