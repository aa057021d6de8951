namespace Escalation.Grains.Teams;

[GenerateSerializer]
public sealed class TeamIndexState
{
    /// <summary>Open complaints of the shard and who holds them (null: the queue).</summary>
    [Id(0)] public Dictionary<Guid, string?> Open { get; set; } = [];

    /// <summary>The latest complaints that left <see cref="Open"/>, newest last, at most <see cref="TeamIndexGrain.ClosedKept"/>.</summary>
    [Id(1)] public List<Guid> RecentlyClosed { get; set; } = [];
}
