using Escalation.Nps;
using Orleans.Concurrency;

namespace Escalation.Analytics;

/// <summary>A report and the NPS answers it summarises (for the digest's comments).</summary>
[GenerateSerializer, Immutable]
public sealed record ReportWithAnswers([property: Id(0)] AnalyticsReport Report, [property: Id(1)] IReadOnlyList<NpsAnswer> Answers);

/// <summary>
/// Computes figures over a period from the teams' day buckets, inside the cluster (any key; stateless, one per silo
/// and core). A null team means every team.
/// </summary>
public interface IAnalyticsReaderGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    ValueTask<AnalyticsReport> Report(string? team, Period period);

    [ReadOnly]
    ValueTask<ReportWithAnswers> ReportWithAnswers(string? team, Period period);

    /// <summary>SLA compliance over the period grouped as asked, from the deadlines that fell due in it.</summary>
    [ReadOnly]
    ValueTask<SlaReport> SlaReport(string? team, Period period, ReportGrouping groupBy);

    /// <summary>The deadlines missed in the period, each with when it was answered (looked for up to <paramref name="answeredBy"/>).</summary>
    [ReadOnly]
    ValueTask<IReadOnlyList<Breach>> Breaches(string? team, Period period, DateTimeOffset answeredBy);

    /// <summary>The NPS answers given in the period to the team's channels.</summary>
    [ReadOnly]
    ValueTask<IReadOnlyList<NpsAnswer>> NpsAnswers(string? team, Period period);
}
