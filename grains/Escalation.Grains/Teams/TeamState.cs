using Escalation.Teams;

namespace Escalation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamState
{
    [Id(0)] public Dictionary<string, TeamRole> Members { get; set; } = [];
    [Id(1)] public TeamRouting Routing { get; set; } = TeamRouting.Unlimited;
}
