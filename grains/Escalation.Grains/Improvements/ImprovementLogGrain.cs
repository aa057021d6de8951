using Escalation.Improvements;

namespace Escalation.Grains.Improvements;

public sealed class ImprovementLogGrain([PersistentState("improvements", StorageNames.Escalation)] IPersistentState<List<Guid>> state)
    : Grain, IImprovementLogGrain
{
    public async ValueTask Add(Guid id)
    {
        if (!state.State.Contains(id))
        {
            state.State.Add(id);
            await state.WriteStateAsync();
        }
    }

    public ValueTask<IReadOnlyList<Guid>> GetIds() => ValueTask.FromResult<IReadOnlyList<Guid>>([.. state.State]);
}
