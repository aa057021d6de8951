using Escalation.Teams;

namespace Escalation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamState
{
    [Id(0)] public Dictionary<string, TeamRole> Members { get; set; } = [];

    /// <summary>How many open complaints each member holds (the complaints themselves are in the index shards).</summary>
    [Id(1)] public Dictionary<string, int> Loads { get; set; } = [];
}
