using Escalation.Analytics;

namespace Escalation.Grains.Analytics;

/// <summary>A sealed page of a busy day's facts (key: the day's bucket, '#', the page number), written once.</summary>
public interface IAnalyticsPageGrain : IGrainWithStringKey
{
    ValueTask Keep(IReadOnlyList<ComplaintFact> facts);

    ValueTask<IReadOnlyList<ComplaintFact>> Facts(Period period);

    public static string KeyOf(string bucket, int page) => $"{bucket}#{page}";
}
