using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

public sealed class AnalyticsPageGrain([PersistentState("analyticsPage", StorageNames.Escalation)] IPersistentState<List<ComplaintFact>> state)
    : Grain, IAnalyticsPageGrain
{
    public async ValueTask Keep(IReadOnlyList<ComplaintFact> facts)
    {
        state.State = [.. facts];
        await state.WriteStateAsync();

        // A sealed page is read only by reports: its facts wait in storage, not in the silo's heap.
        DeactivateOnIdle();
    }

    public ValueTask<IReadOnlyList<ComplaintFact>> Facts(Period period) => ValueTask.FromResult(AnalyticsGrain.Within(state.State, period));
}
