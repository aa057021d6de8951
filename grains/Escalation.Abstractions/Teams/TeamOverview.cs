namespace Escalation.Teams;

/// <summary>The team at a glance: members with their load, and the open complaints nobody holds.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamOverview(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<AgentLoad> Members,
    [property: Id(2)] IReadOnlyList<Guid> Queue);
