namespace Escalation.Teams;

/// <summary>
/// The team at a glance: members with their load, and the open complaints nobody holds: the most urgent of them
/// (<see cref="Queue"/>, at most <see cref="QueueShown"/>) and how many there are.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TeamOverview(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<AgentLoad> Members,
    [property: Id(2)] IReadOnlyList<Guid> Queue,
    [property: Id(3)] int QueueSize)
{
    public const int QueueShown = 100;
}
