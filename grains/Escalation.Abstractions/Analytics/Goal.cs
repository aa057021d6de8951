using Escalation.Triage;

namespace Escalation.Analytics;

/// <summary>A measurable goal: cut complaints of a topic by a share by a date ("delivery complaints by 20% in three months").</summary>
[GenerateSerializer, Immutable]
public sealed record Goal(
    [property: Id(0)] Topic Topic,
    [property: Id(1)] double ReductionPercent,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset Deadline);

/// <summary>The goals, one per topic (key 0).</summary>
public interface IGoalsGrain : IGrainWithIntegerKey
{
    ValueTask<IReadOnlyList<Goal>> GetGoals();

    ValueTask SetGoal(Goal goal);
}
