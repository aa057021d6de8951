using Orleans.Concurrency;

namespace Escalation.Analytics;

/// <summary>The complaint facts of one team and one UTC day (key: <see cref="ComplaintFact.Bucket"/>).</summary>
public interface IAnalyticsGrain : IGrainWithStringKey
{
    /// <summary>Keeps the facts (stored in a batch moments later).</summary>
    ValueTask Record(IReadOnlyList<ComplaintFact> facts);

    /// <summary>The facts of this day that fall in the period.</summary>
    [AlwaysInterleave]
    ValueTask<IReadOnlyList<ComplaintFact>> Facts(Period period);
}
