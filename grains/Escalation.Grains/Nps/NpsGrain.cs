using Escalation.Grains.Logs;
using Escalation.Nps;
using Escalation.Triage;

namespace Escalation.Grains.Nps;

public sealed class NpsGrain([PersistentState("npsDay", StorageNames.Escalation)] IPersistentState<PagedLogState<NpsAnswer>> state)
    : PagedLogGrain<NpsAnswer>(state), INpsGrain
{
    public ValueTask Record(NpsAnswer answer) =>
        Append(answer.Comment is { } comment && !string.IsNullOrWhiteSpace(comment)
            ? answer with { Topic = TopicClassifier.Classify(comment).Value, Keywords = Text.Keywords(comment) }
            : answer);

    public ValueTask<IReadOnlyList<NpsAnswer>> Answers(Period period) => Read(answer => period.Contains(answer.At));
}
