using Escalation.Teams;

namespace Escalation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamState
{
    [Id(0)] public Dictionary<string, TeamRole> Members { get; set; } = [];

    /// <summary>Every open complaint of the team and who holds it (null: the queue).</summary>
    [Id(1)] public Dictionary<Guid, string?> OpenComplaints { get; set; } = [];

    /// <summary>The latest complaints that left <see cref="OpenComplaints"/>, newest last, at most <see cref="TeamGrain.HistoryKept"/>.</summary>
    [Id(2)] public List<Guid> RecentlyClosed { get; set; } = [];
}
