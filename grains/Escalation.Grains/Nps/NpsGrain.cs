using Escalation.Triage;
using Escalation.Nps;

namespace Escalation.Grains.Nps;

public sealed class NpsGrain([PersistentState("nps", StorageNames.Escalation)] IPersistentState<NpsState> state) : Grain, INpsGrain
{
    public async ValueTask Record(NpsAnswer answer)
    {
        state.State.Answers.Add(answer.Comment is { } comment && !string.IsNullOrWhiteSpace(comment)
            ? answer with { Topic = TopicClassifier.Classify(comment).Value, Keywords = Text.Keywords(comment) }
            : answer);
        await state.WriteStateAsync();
    }

    public ValueTask<IReadOnlyList<NpsAnswer>> Answers(Period period) =>
        ValueTask.FromResult<IReadOnlyList<NpsAnswer>>([.. state.State.Answers.Where(answer => period.Contains(answer.At)).OrderBy(answer => answer.At)]);
}
