namespace Escalation.Nps;

/// <summary>
/// The NPS answers of one team and one UTC day (key: <see cref="KeyOf"/>; the team of the channel the survey came
/// through), so that recording one never rewrites a team's whole history and a period reads only its days.
/// </summary>
public interface INpsGrain : IGrainWithStringKey
{
    public static string KeyOf(string team, DateTimeOffset at) => Analytics.ComplaintFact.Bucket(team, at);

    ValueTask Record(NpsAnswer answer);

    /// <summary>The answers of this day given in the period.</summary>
    ValueTask<IReadOnlyList<NpsAnswer>> Answers(Period period);

    /// <summary>The customer's answers kept here.</summary>
    ValueTask<IReadOnlyList<NpsAnswer>> AnswersOf(string customerId);

    /// <summary>Replaces the comments of the customer's answers kept here with the erasure mark; scores and topics stay.</summary>
    ValueTask EraseComments(string customerId);
}
