using Escalation.Nps;

namespace Escalation.Grains.Nps;

public sealed class NpsGrain([PersistentState("nps", StorageNames.Escalation)] IPersistentState<NpsState> state) : Grain, INpsGrain
{
    public async ValueTask Record(NpsAnswer answer)
    {
        state.State.Answers.Add(answer);
        await state.WriteStateAsync();
    }

    public ValueTask<NpsSummary> Summarize(Period period) =>
        ValueTask.FromResult(NpsSummary.Of(Within(period).Select(answer => answer.Score)));

    public ValueTask<IReadOnlyList<NpsAnswer>> Answers(Period period) =>
        ValueTask.FromResult<IReadOnlyList<NpsAnswer>>([.. Within(period).OrderBy(answer => answer.At)]);

    private IEnumerable<NpsAnswer> Within(Period period) => state.State.Answers.Where(answer => period.Contains(answer.At));
}
