namespace Escalation.Teams;

/// <summary>
/// How many open complaints each agent of a team holds at most: <see cref="Capacity"/> for all (null: unlimited), and
/// per-agent overrides in <see cref="Agents"/> (a null value: unlimited for that agent).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TeamRouting(
    [property: Id(0)] int? Capacity,
    [property: Id(1)] IReadOnlyDictionary<string, int?> Agents)
{
    public const int MaxCapacity = 1000;

    public static readonly TeamRouting Unlimited = new(null, new Dictionary<string, int?>());

    public int? CapacityOf(string agent) => Agents.TryGetValue(agent, out var own) ? own : Capacity;
}
