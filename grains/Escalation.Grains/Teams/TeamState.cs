using Escalation.Escalations;
using Escalation.Teams;

namespace Escalation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamState
{
    [Id(0)] public Dictionary<string, TeamRole> Members { get; set; } = [];
    [Id(1)] public TeamRouting Routing { get; set; } = TeamRouting.Unlimited;

    /// <summary>The team's escalation chain; null: the default chain.</summary>
    [Id(2)] public EscalationChain? Chain { get; set; }
    [Id(3)] public Roster? Roster { get; set; }
}
