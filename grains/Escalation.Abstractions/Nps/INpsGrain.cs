namespace Escalation.Nps;

/// <summary>The NPS answers of one team (key: the team of the channel the survey came through).</summary>
public interface INpsGrain : IGrainWithStringKey
{
    ValueTask Record(NpsAnswer answer);

    /// <summary>The answers given in the period, oldest first.</summary>
    ValueTask<IReadOnlyList<NpsAnswer>> Answers(Period period);
}
