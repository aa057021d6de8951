using Escalation.Grains.Logs;
using Escalation.Nps;
using Escalation.Triage;

namespace Escalation.Grains.Nps;

public sealed class NpsGrain([PersistentState("npsDay", StorageNames.Escalation)] IPersistentState<PagedLogState<NpsAnswer>> state) : Grain, INpsGrain
{
    private PagedLog<NpsAnswer> Log => field ??= new(state, GrainFactory, this.GetPrimaryKeyString());

    public ValueTask Record(NpsAnswer answer) =>
        Log.Append(answer.Comment is { } comment && !string.IsNullOrWhiteSpace(comment)
            ? answer with { Topic = TopicClassifier.Classify(comment).Value, Keywords = Text.Keywords(comment) }
            : answer);

    public ValueTask<IReadOnlyList<NpsAnswer>> Answers(Period period) => Log.Read(answer => period.Contains(answer.At));

    public ValueTask<IReadOnlyList<NpsAnswer>> AnswersOf(string customerId) => Log.Read(answer => answer.CustomerId == customerId);

    public ValueTask Pseudonymize(string customerId, string pseudonym) =>
        Log.Rewrite(answer => answer.CustomerId != customerId ? answer
            : answer with { CustomerId = pseudonym, Comment = answer.Comment is null ? null : Erasure.Mark, Keywords = null });
}
