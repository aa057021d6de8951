using Escalation.Nps;
using Escalation.Sla;
using Escalation.Triage;

namespace Escalation.Analytics;

[GenerateSerializer, Immutable]
public sealed record SlaCompliance([property: Id(0)] double? FirstResponse, [property: Id(1)] double? Resolution);

[GenerateSerializer, Immutable]
public sealed record Percentiles([property: Id(0)] double? P50, [property: Id(1)] double? P90);

[GenerateSerializer, Immutable]
public sealed record EscalationCounts([property: Id(0)] int Level1, [property: Id(1)] int Level2);

/// <summary>Complaints of a topic in the period and in the one just before (green where it fell, red where it rose).</summary>
[GenerateSerializer, Immutable]
public sealed record TopicCount([property: Id(0)] Topic Topic, [property: Id(1)] int Count, [property: Id(2)] int PreviousCount, [property: Id(3)] int Change);

/// <summary>
/// The figures of a team (or all teams) over a period. A ratio or percentile with nothing to measure is null.
/// <see cref="Responded"/> and <see cref="Resolved"/> count first responses and resolutions in the period.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AnalyticsReport(
    [property: Id(0)] string? Team,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] int Complaints,
    [property: Id(4)] double? PublicShare,
    [property: Id(5)] SlaCompliance SlaCompliance,
    [property: Id(6)] Percentiles FirstResponseSeconds,
    [property: Id(7)] Percentiles ResolutionSeconds,
    [property: Id(8)] EscalationCounts Escalations,
    [property: Id(9)] IReadOnlyList<TopicCount> Topics,
    [property: Id(10)] int PersistentDissatisfaction,
    [property: Id(11)] NpsSummary Nps,
    [property: Id(12)] int Responded,
    [property: Id(13)] int Resolved)
{
    /// <summary>The report from the facts of the period and of the period before it (one list), and the NPS summary.</summary>
    public static AnalyticsReport Compute(string? team, Period period, IReadOnlyCollection<ComplaintFact> facts, NpsSummary nps)
    {
        var current = facts.Where(f => period.Contains(f.At)).ToList();
        var created = current.Where(f => f.Kind == FactKind.Created).ToList();
        var before = facts.Where(f => period.Previous.Contains(f.At) && f.Kind == FactKind.Created).ToList();
        var firstResponses = Seconds(current, FactKind.FirstResponse);
        var resolutions = Seconds(current, FactKind.Resolved);
        return new AnalyticsReport(
            team,
            period.From,
            period.To,
            created.Count,
            Share(created.Select(f => f.Public == true)),
            new SlaCompliance(Compliance(current, SlaClockKind.FirstResponse), Compliance(current, SlaClockKind.Resolution)),
            Percentiles(firstResponses),
            Percentiles(resolutions),
            new EscalationCounts(current.Count(f => f.Kind == FactKind.Escalated && f.Level == 1), current.Count(f => f.Kind == FactKind.Escalated && f.Level == 2)),
            [.. Enum.GetValues<Topic>().Select(topic =>
            {
                int now = created.Count(f => f.Topic == topic), then = before.Count(f => f.Topic == topic);
                return new TopicCount(topic, now, then, now - then);
            })],
            created.Select(f => f.PersistentCustomerId).OfType<string>().Distinct().Count(),
            nps,
            firstResponses.Count,
            resolutions.Count);
    }

    private static List<double> Seconds(IEnumerable<ComplaintFact> facts, FactKind kind) =>
        [.. facts.Where(f => f.Kind == kind && f.Seconds is not null).Select(f => f.Seconds!.Value).Order()];

    /// <summary>Met deadlines of the kind that fell due in the period, over all of them.</summary>
    private static double? Compliance(IEnumerable<ComplaintFact> facts, SlaClockKind kind) =>
        Share(facts.Where(f => f.Kind == FactKind.DeadlineDue && f.Reason == kind).Select(f => f.Met == true));

    private static double? Share(IEnumerable<bool> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? null : Math.Round((double)list.Count(ok => ok) / list.Count, 4);
    }

    /// <summary>Nearest-rank percentiles of sorted values.</summary>
    private static Percentiles Percentiles(List<double> sorted) =>
        sorted.Count == 0 ? new Percentiles(null, null) : new Percentiles(Rank(sorted, 0.5), Rank(sorted, 0.9));

    private static double Rank(List<double> sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}
