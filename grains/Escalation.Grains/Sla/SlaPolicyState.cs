using Escalation.Grains.Caching;
using Escalation.Sla;

namespace Escalation.Grains.Sla;

[GenerateSerializer]
public sealed class SlaPolicyState
{
    [Id(0)] public Dictionary<Priority, SlaPolicy> Policies { get; set; } = new(SlaPolicy.Defaults);

    /// <summary>Calendars defined by admins; the built-in 24x7 is never stored.</summary>
    [Id(1)] public Dictionary<string, BusinessCalendar> Calendars { get; set; } = [];

    /// <summary>The caches of the settings (in every silo), told of each change.</summary>
    [Id(2)] public List<Watcher> Watchers { get; set; } = [];

    /// <summary>The conditional policy sets by name.</summary>
    [Id(3)] public Dictionary<string, SlaPolicySet> PolicySets { get; set; } = [];
}
