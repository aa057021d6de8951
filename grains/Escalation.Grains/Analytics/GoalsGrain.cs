using Escalation.Analytics;
using Escalation.Triage;

namespace Escalation.Grains.Analytics;

public sealed class GoalsGrain([PersistentState("goals", StorageNames.Escalation)] IPersistentState<Dictionary<Topic, Goal>> state)
    : Grain, IGoalsGrain
{
    public ValueTask<IReadOnlyList<Goal>> GetGoals() =>
        ValueTask.FromResult<IReadOnlyList<Goal>>([.. state.State.Values.OrderBy(goal => goal.Topic)]);

    public async ValueTask SetGoal(Goal goal)
    {
        state.State[goal.Topic] = goal;
        await state.WriteStateAsync();
    }
}
