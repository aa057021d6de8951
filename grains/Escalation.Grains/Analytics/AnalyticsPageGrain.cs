using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

public sealed class AnalyticsPageGrain([PersistentState("analyticsPage", StorageNames.Escalation)] IPersistentState<List<ComplaintFact>> state)
    : Grain, IAnalyticsPageGrain
{
    public async ValueTask Keep(IReadOnlyList<ComplaintFact> facts)
    {
        state.State = [.. facts];
        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<ComplaintFact>> Facts(Period period) => ValueTask.FromResult(AnalyticsGrain.Within(state.State, period));
}
