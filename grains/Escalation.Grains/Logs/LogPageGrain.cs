namespace Escalation.Grains.Logs;

public sealed class LogPageGrain<T>([PersistentState("logPage", StorageNames.Escalation)] IPersistentState<List<T>> state) : Grain, ILogPageGrain<T>
{
    public async ValueTask Keep(IReadOnlyList<T> entries)
    {
        state.State = [.. entries];
        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<T>> Entries() => ValueTask.FromResult<IReadOnlyList<T>>(state.State);

    public async ValueTask Clear()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        state.State = [];
    }
}
