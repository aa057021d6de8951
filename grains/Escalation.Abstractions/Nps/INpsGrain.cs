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

    /// <summary>
    /// Erases the customer from the answers kept here: their comments become the erasure mark and
    /// <paramref name="pseudonym"/> stands where their id was; scores and topics stay.
    /// </summary>
    ValueTask Pseudonymize(string customerId, string pseudonym);
}
